/** The protobuf writer against byte sequences worked out from the wire-format specification. */
import { describe, expect, it } from 'vitest';
import { ProtoWriter, utf8Bytes } from './protobuf.ts';

const bytes = (w: ProtoWriter): number[] => Array.from(w.finish());

describe('ProtoWriter', () => {
  it('writes varints: tag (field << 3 | 0), then 7 bits per byte, low first', () => {
    expect(bytes(new ProtoWriter().int(1, 150))).toEqual([0x08, 0x96, 0x01]);
    expect(bytes(new ProtoWriter().int(2, 0))).toEqual([0x10, 0x00]);
  });
  it("writes a negative int64 as ten bytes of two's complement", () => {
    expect(bytes(new ProtoWriter().int(1, -1))).toEqual([
      0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01,
    ]);
  });
  it('writes strings and nested messages length-delimited', () => {
    expect(bytes(new ProtoWriter().string(2, 'testing'))).toEqual([
      0x12, 0x07, 0x74, 0x65, 0x73, 0x74, 0x69, 0x6e, 0x67,
    ]);
    expect(bytes(new ProtoWriter().message(3, new ProtoWriter().int(1, 150)))).toEqual([0x1a, 0x03, 0x08, 0x96, 0x01]);
    expect(bytes(new ProtoWriter().string(1, 'é'))).toEqual([0x0a, 0x02, 0xc3, 0xa9]);
  });
  it('encodes UTF-8 like TextEncoder, astral characters included', () => {
    const text = 'aé€😀 Zürich';
    expect(Array.from(utf8Bytes(text))).toEqual(Array.from(new TextEncoder().encode(text)));
  });
  it('writes floats as fixed32 little-endian', () => {
    expect(bytes(new ProtoWriter().float(2, 1))).toEqual([0x15, 0x00, 0x00, 0x80, 0x3f]);
  });
  it('writes field numbers above 15 with a two-byte tag', () => {
    expect(bytes(new ProtoWriter().int(20, 1))).toEqual([0xa0, 0x01, 0x01]);
  });
});
