/**
 * The ONNX messages we write (field numbers from onnx/onnx.proto, IR version 8): model, graph, node,
 * attribute, tensor and value info.
 */
import { ProtoWriter, utf8Bytes } from './protobuf.ts';

/** ONNX tensor element types (TensorProto.DataType). */
export const DataType = { FLOAT: 1, INT64: 7, STRING: 8, BOOL: 9, DOUBLE: 11 } as const;
/** One of the element types above. */
export type DataTypeCode = (typeof DataType)[keyof typeof DataType];

/** A constant tensor (graph initializer). */
export type TensorValue =
  | { type: typeof DataType.FLOAT; dims: number[]; data: ArrayLike<number> }
  | { type: typeof DataType.DOUBLE; dims: number[]; data: ArrayLike<number> }
  | { type: typeof DataType.INT64; dims: number[]; data: ArrayLike<number> }
  | { type: typeof DataType.STRING; dims: number[]; data: readonly string[] };

/** A node attribute value: int, float, string, ints, floats, strings, or a tensor. */
export type AttributeValue =
  | { int: number }
  | { float: number }
  | { string: string }
  | { ints: number[] }
  | { floats: number[] }
  | { strings: string[] }
  | { tensor: TensorValue };

/** One operator call. */
export interface NodeDef {
  op: string;
  inputs: string[];
  outputs: string[];
  name: string;
  domain?: string;
  attributes?: Record<string, AttributeValue>;
}

/** A graph input or output: name, element type, and shape (a string is a symbolic dimension). */
export interface ValueInfo {
  name: string;
  type: DataTypeCode;
  shape: (number | string)[];
  doc?: string;
}

/** Everything a model file holds. */
export interface ModelDef {
  graphName: string;
  nodes: NodeDef[];
  initializers: { name: string; value: TensorValue }[];
  inputs: ValueInfo[];
  outputs: ValueInfo[];
  opsets: { domain: string; version: number }[];
  producerVersion: string;
  doc: string;
  metadata: Record<string, string>;
}

/** ONNX IR version written (ONNX 1.10+, onnxruntime 1.10+). */
export const IR_VERSION = 8;

function tensor(name: string, t: TensorValue): ProtoWriter {
  const w = new ProtoWriter();
  for (const d of t.dims) w.int(1, d);
  w.int(2, t.type);
  if (t.type === DataType.STRING) {
    for (const s of t.data) w.bytes(6, utf8Bytes(s));
  } else {
    const n = t.data.length;
    const size = t.type === DataType.FLOAT ? 4 : 8;
    const raw = new Uint8Array(n * size);
    const view = new DataView(raw.buffer);
    for (let i = 0; i < n; i++) {
      const v = t.data[i]!;
      if (t.type === DataType.FLOAT) view.setFloat32(i * 4, v, true);
      else if (t.type === DataType.DOUBLE) view.setFloat64(i * 8, v, true);
      else view.setBigInt64(i * 8, BigInt(v), true);
    }
    w.bytes(9, raw);
  }
  if (name) w.string(8, name);
  return w;
}

function attribute(name: string, a: AttributeValue): ProtoWriter {
  const w = new ProtoWriter().string(1, name);
  if ('int' in a) return w.int(3, a.int).int(20, 2);
  if ('float' in a) return w.float(2, a.float).int(20, 1);
  if ('string' in a) return w.bytes(4, utf8Bytes(a.string)).int(20, 3);
  if ('tensor' in a) return w.message(5, tensor('', a.tensor)).int(20, 4);
  if ('floats' in a) {
    for (const f of a.floats) w.float(7, f);
    return w.int(20, 6);
  }
  if ('ints' in a) {
    for (const i of a.ints) w.int(8, i);
    return w.int(20, 7);
  }
  for (const s of a.strings) w.bytes(9, utf8Bytes(s));
  return w.int(20, 8);
}

function node(n: NodeDef): ProtoWriter {
  const w = new ProtoWriter();
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  w.string(3, n.name).string(4, n.op);
  for (const [k, v] of Object.entries(n.attributes ?? {})) w.message(5, attribute(k, v));
  if (n.domain) w.string(7, n.domain);
  return w;
}

function valueInfo(v: ValueInfo): ProtoWriter {
  const shape = new ProtoWriter();
  for (const d of v.shape)
    shape.message(1, typeof d === 'number' ? new ProtoWriter().int(1, d) : new ProtoWriter().string(2, d));
  const tensorType = new ProtoWriter().int(1, v.type).message(2, shape);
  const w = new ProtoWriter().string(1, v.name).message(2, new ProtoWriter().message(1, tensorType));
  if (v.doc) w.string(3, v.doc);
  return w;
}

/** Encodes a whole model as ONNX protobuf bytes. */
export function encodeModel(m: ModelDef): Uint8Array {
  const graph = new ProtoWriter();
  for (const n of m.nodes) graph.message(1, node(n));
  graph.string(2, m.graphName);
  for (const i of m.initializers) graph.message(5, tensor(i.name, i.value));
  graph.string(10, m.doc);
  for (const v of m.inputs) graph.message(11, valueInfo(v));
  for (const v of m.outputs) graph.message(12, valueInfo(v));
  const model = new ProtoWriter().int(1, IR_VERSION);
  model.string(2, 'backprop-studio').string(3, m.producerVersion).int(5, 1).string(6, m.doc).message(7, graph);
  for (const o of m.opsets) model.message(8, new ProtoWriter().string(1, o.domain).int(2, o.version));
  for (const [k, v] of Object.entries(m.metadata)) model.message(14, new ProtoWriter().string(1, k).string(2, v));
  return model.finish();
}
