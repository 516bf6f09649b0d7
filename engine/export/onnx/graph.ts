/** Builds an ONNX graph step by step: each operator gets a unique node name and output name. */
import { DataType, type AttributeValue, type NodeDef, type TensorValue } from './proto.ts';

/** The growing graph: nodes and constants (initializers). */
export class GraphBuilder {
  readonly nodes: NodeDef[] = [];
  readonly initializers: { name: string; value: TensorValue }[] = [];
  private used = new Set<string>();

  /** A name not used yet, based on `base`. */
  fresh(base: string): string {
    const clean = base.replace(/[^A-Za-z0-9_./:=-]/g, '_') || 'v';
    let name = clean;
    for (let i = 1; this.used.has(name); i++) name = `${clean}_${i}`;
    this.used.add(name);
    return name;
  }

  /** Reserves a name the caller chose (graph inputs and outputs); null when it is taken already. */
  reserve(name: string): string | null {
    if (this.used.has(name)) return null;
    this.used.add(name);
    return name;
  }

  /** A constant tensor; returns its name. */
  constant(base: string, value: TensorValue): string {
    const name = this.fresh(base);
    this.initializers.push({ name, value });
    return name;
  }

  /** A float32 constant of the given shape. */
  floats(base: string, data: ArrayLike<number>, dims: number[] = [data.length]): string {
    return this.constant(base, { type: DataType.FLOAT, dims, data });
  }

  /** An int64 constant of the given shape. */
  int64s(base: string, data: ArrayLike<number>, dims: number[] = [data.length]): string {
    return this.constant(base, { type: DataType.INT64, dims, data });
  }

  /** Adds `op(inputs)`; returns its (first) output name, `output` when given. */
  op(
    op: string,
    inputs: string[],
    base: string,
    attributes?: Record<string, AttributeValue>,
    opts: { domain?: string; output?: string } = {},
  ): string {
    const out = opts.output ?? this.fresh(base);
    this.nodes.push({ op, inputs, outputs: [out], name: this.fresh(`${base}/${op}`), attributes, domain: opts.domain });
    return out;
  }
}
