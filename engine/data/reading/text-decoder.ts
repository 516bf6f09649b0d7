/**
 * Bytes to text, chunk by chunk: UTF-8 (strict), with a Windows-1252 fallback when the bytes are not
 * UTF-8, UTF-16 when a byte-order mark says so, and a refusal for binary files.
 */
import { DatasetError } from '../../errors.ts';
import type { TextEncodingName } from './table.ts';
import { messages } from '../messages.ts';

interface PlatformDecoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
type PlatformDecoderClass = new (label: string, options?: { fatal?: boolean }) => PlatformDecoder;

/** TextDecoder is a Web and Node global but not part of ES2022, so it is looked up, not declared. */
function platformDecoder(label: string, fatal: boolean): PlatformDecoder {
  const Ctor = (globalThis as { TextDecoder?: PlatformDecoderClass }).TextDecoder;
  if (!Ctor) throw new Error('Internal error (please report): TextDecoder is not available here.');
  return new Ctor(label, { fatal });
}

/** Windows-1252 characters for bytes 0x80–0x9F (the rest of the range equals Latin-1). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const step = 8192;
  for (let start = 0; start < bytes.length; start += step) {
    const end = Math.min(bytes.length, start + step);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      codes[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b;
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** Length of the prefix of `bytes` that ends on a complete UTF-8 sequence. */
function completeUtf8Prefix(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(4, n); back++) {
    const b = bytes[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

/** Index of the first byte that does not start or continue a valid UTF-8 sequence (`bytes.length` if none). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const c = bytes[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (need === 0 || i + need >= n) return i;
    const c1 = bytes[i + 1]!;
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are invalid.
    if (
      (c === 0xe0 && c1 < 0xa0) ||
      (c === 0xed && c1 > 0x9f) ||
      (c === 0xf0 && c1 < 0x90) ||
      (c === 0xf4 && c1 > 0x8f)
    )
      return i;
    for (let k = 1; k <= need; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return n;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** Throws when the first bytes look like a binary file (NUL bytes), naming UTF-16 when that is the likely cause. */
export function refuseBinary(bytes: Uint8Array): void {
  const n = Math.min(bytes.length, 8192);
  let nulEven = 0;
  let nulOdd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) nulEven++;
      else nulOdd++;
    }
  }
  if (nulEven + nulOdd === 0) return;
  const looksUtf16 = n >= 4 && Math.max(nulEven, nulOdd) > n / 4 && Math.min(nulEven, nulOdd) < n / 50;
  throw new DatasetError(looksUtf16 ? messages.utf16WithoutBom() : messages.binaryFile());
}

/** Streaming decoder: feed byte chunks in order, get text back. */
export class ChunkDecoder {
  encoding: TextEncodingName = 'utf-8';
  private started = false;
  private pending: Uint8Array = new Uint8Array(0);
  private fallbackAt: number | null = null;
  private utf8 = platformDecoder('utf-8', true);
  private utf16: PlatformDecoder | null = null;

  /** Decodes the next chunk; `final` flushes any bytes held back from a split character. */
  decode(chunk: Uint8Array, final: boolean): string {
    let bytes = concat(this.pending, chunk);
    this.pending = new Uint8Array(0);
    if (!this.started) {
      if (bytes.length < 3 && !final) {
        this.pending = bytes;
        return '';
      }
      this.started = true;
      bytes = this.readByteOrderMark(bytes);
    }
    if (this.utf16) return this.utf16.decode(bytes, { stream: !final });
    if (this.encoding === 'windows-1252') return decodeWindows1252(bytes);
    const cut = final ? bytes.length : completeUtf8Prefix(bytes);
    this.pending = bytes.slice(cut);
    const body = bytes.subarray(0, cut);
    try {
      return this.utf8.decode(body);
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      return this.fallBack(body);
    }
  }

  /** Switches to Windows-1252 at the first invalid byte; the valid part before it stays UTF-8. */
  private fallBack(body: Uint8Array): string {
    const bad = Math.min(firstInvalidUtf8(body), body.length);
    const head = this.utf8.decode(body.subarray(0, bad));
    this.encoding = 'windows-1252';
    this.fallbackAt = head.length;
    return head + decodeWindows1252(body.subarray(bad)) + decodeWindows1252(this.takePending());
  }

  /** Where, in the text the last `decode` returned, Windows-1252 took over; null when it did not happen there. */
  takeFallback(): number | null {
    const at = this.fallbackAt;
    this.fallbackAt = null;
    return at;
  }

  private takePending(): Uint8Array {
    const p = this.pending;
    this.pending = new Uint8Array(0);
    return p;
  }

  private readByteOrderMark(bytes: Uint8Array): Uint8Array {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3);
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return this.startUtf16('utf-16le', bytes);
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return this.startUtf16('utf-16be', bytes);
    refuseBinary(bytes);
    return bytes;
  }

  private startUtf16(encoding: 'utf-16le' | 'utf-16be', bytes: Uint8Array): Uint8Array {
    this.encoding = encoding;
    this.utf16 = platformDecoder(encoding, false);
    return bytes.subarray(2);
  }
}
