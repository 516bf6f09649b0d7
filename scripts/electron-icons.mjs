#!/usr/bin/env node
/**
 * Draws the app icon (a small neural network on a rounded square) and writes it as PNG files:
 *   resources/icons/icon.png            512×512, used by electron-builder for macOS and Windows
 *   resources/icons/png/<N>x<N>.png     16…1024, the Linux icon set (and the window icon)
 * Pure Node (node:zlib), so the icons can be regenerated anywhere: node scripts/electron-icons.mjs
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = path.join(ROOT, 'resources', 'icons');
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** @param {Buffer} bytes */
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** @param {string} type @param {Buffer} data */
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * Encodes straight (non-premultiplied) RGBA pixels as a PNG.
 * @param {number} size @param {Uint8Array} rgba
 */
export function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y += 1) rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Node centres in unit coordinates, per layer: 3 inputs, 4 hidden units, 2 outputs. */
const COUNTS = [3, 4, 2];
const COLUMNS = [0.27, 0.5, 0.73];
const SPACING = 0.15;
const LAYERS = COUNTS.map((n, i) =>
  Array.from({ length: n }, (_, k) => [COLUMNS[i], 0.5 + (k - (n - 1) / 2) * SPACING]),
);
const NODES = LAYERS.flat();
const EDGES = LAYERS.slice(0, -1).flatMap((layer, i) => layer.flatMap((a) => LAYERS[i + 1].map((b) => [a, b])));

/**
 * Signed distance from (px,py) to a rounded square inset by `inset` with corner `radius`.
 * @param {number} px @param {number} py @param {number} inset @param {number} radius
 */
function roundedSquare(px, py, inset, radius) {
  const half = 0.5 - inset - radius;
  const qx = Math.abs(px - 0.5) - half;
  const qy = Math.abs(py - 0.5) - half;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/**
 * Distance from (px,py) to the segment a–b.
 * @param {number} px @param {number} py @param {number[]} a @param {number[]} b
 */
function segment(px, py, a, b) {
  const [ax, ay] = a;
  const [bx, by] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/**
 * Draws the icon at one size: straight RGBA pixels.
 * @param {number} size
 */
export function drawIcon(size) {
  const pixels = new Uint8Array(size * size * 4);
  const pixel = 1 / size;
  /** @param {number} distance */
  const coverage = (distance) => Math.max(0, Math.min(1, 0.5 - distance / pixel));
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const px = (x + 0.5) / size;
      const py = (y + 0.5) / size;
      const t = (px + py) / 2; // diagonal gradient: indigo → teal
      let r = 79 + (20 - 79) * t;
      let g = 70 + (184 - 70) * t;
      let b = 229 + (166 - 229) * t;
      const alpha = coverage(roundedSquare(px, py, 0.06, 0.2));
      /** @param {number} cr @param {number} cg @param {number} cb @param {number} a */
      const blend = (cr, cg, cb, a) => {
        r += (cr - r) * a;
        g += (cg - g) * a;
        b += (cb - b) * a;
      };
      const edgeWidth = Math.max(0.012, pixel * 0.9);
      const nearestEdge = Math.min(...EDGES.map(([a, c]) => segment(px, py, a, c)));
      blend(255, 255, 255, 0.55 * coverage(nearestEdge - edgeWidth / 2));
      for (const [index, [cx, cy]] of NODES.entries()) {
        const isOutput = index >= NODES.length - COUNTS[COUNTS.length - 1];
        const d = Math.hypot(px - cx, py - cy) - 0.052;
        blend(isOutput ? 251 : 255, isOutput ? 191 : 255, isOutput ? 36 : 255, coverage(d));
      }
      const offset = (y * size + x) * 4;
      pixels[offset] = Math.round(r);
      pixels[offset + 1] = Math.round(g);
      pixels[offset + 2] = Math.round(b);
      pixels[offset + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(path.join(OUT, 'png'), { recursive: true });
  for (const size of SIZES) {
    const png = encodePng(size, drawIcon(size));
    writeFileSync(path.join(OUT, 'png', `${size}x${size}.png`), png);
    if (size === 512) writeFileSync(path.join(OUT, 'icon.png'), png);
  }
  console.log(`electron-icons: wrote ${path.relative(ROOT, OUT)}/icon.png and png/{${SIZES.join(',')}}`);
}
