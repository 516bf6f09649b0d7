/**
 * Date parts inside the graph, in float64 from milliseconds since 1970 UTC: the proleptic Gregorian
 * calendar by integer arithmetic (H. Hinnant's civil_from_days / days_from_civil), as `Date`'s UTC getters.
 * year; month 1–12; day of week 0–6 from Sunday; day of year from 1; hour 0–23; and the sine and cosine of
 * each cycle, θ = 2π·(month − 1)/12, 2π·dayOfWeek/7, 2π·(dayOfYear − 1)/365.25, 2π·(hours since midnight)/24.
 */
import type { DatePart } from '../../data/index.ts';
import { DataType } from './proto.ts';
import type { GraphBuilder } from './graph.ts';

/** Small float64 arithmetic on graph values. */
class F64 {
  constructor(
    private g: GraphBuilder,
    private base: string,
  ) {}
  c(v: number): string {
    return this.g.constant(`${this.base}/c`, { type: DataType.DOUBLE, dims: [], data: [v] });
  }
  add(a: string, b: string): string {
    return this.g.op('Add', [a, b], `${this.base}/add`);
  }
  sub(a: string, b: string): string {
    return this.g.op('Sub', [a, b], `${this.base}/sub`);
  }
  mul(a: string, b: string): string {
    return this.g.op('Mul', [a, b], `${this.base}/mul`);
  }
  /** ⌊a / k⌋ */
  floorDiv(a: string, k: number): string {
    return this.g.op('Floor', [this.g.op('Div', [a, this.c(k)], `${this.base}/div`)], `${this.base}/floor`);
  }
  /** 1 where a < k, else 0. */
  less(a: string, k: number): string {
    return this.g.op('Cast', [this.g.op('Less', [a, this.c(k)], `${this.base}/less`)], `${this.base}/less01`, {
      to: { int: DataType.DOUBLE },
    });
  }
}

/** Days since 1970-01-01 of January 1st of `year`. */
function daysFromCivilJan1(f: F64, year: string): string {
  const y = f.sub(year, f.c(1)); // January counts in the previous March-based year
  const era = f.floorDiv(y, 400);
  const yoe = f.sub(y, f.mul(era, f.c(400)));
  const doe = f.add(f.sub(f.add(f.mul(yoe, f.c(365)), f.floorDiv(yoe, 4)), f.floorDiv(yoe, 100)), f.c(306));
  return f.sub(f.add(f.mul(era, f.c(146097)), doe), f.c(719468));
}

/** Each of `parts` as a float64 [N, 1] column, from timestamps `t` (float64 [N, 1], no NaN). */
export function emitDateParts(g: GraphBuilder, t: string, parts: readonly DatePart[], base: string): string[] {
  const f = new F64(g, base);
  const days = f.floorDiv(t, 86_400_000);
  const z = f.add(days, f.c(719468));
  const era = f.floorDiv(z, 146097);
  const doe = f.sub(z, f.mul(era, f.c(146097)));
  const yoe = f.floorDiv(
    f.sub(f.add(f.sub(doe, f.floorDiv(doe, 1460)), f.floorDiv(doe, 36524)), f.floorDiv(doe, 146096)),
    365,
  );
  const doyMarch = f.sub(doe, f.sub(f.add(f.mul(yoe, f.c(365)), f.floorDiv(yoe, 4)), f.floorDiv(yoe, 100)));
  const mp = f.floorDiv(f.add(f.mul(doyMarch, f.c(5)), f.c(2)), 153);
  // month = mp + 3 for March…December (mp < 10), mp − 9 for January and February
  const month = f.sub(f.add(mp, f.c(3)), f.mul(f.sub(f.c(1), f.less(mp, 10)), f.c(12)));
  const year = f.add(f.add(yoe, f.mul(era, f.c(400))), f.less(month, 3));
  const dayOfWeek = (): string => f.sub(f.add(days, f.c(4)), f.mul(f.floorDiv(f.add(days, f.c(4)), 7), f.c(7)));
  const dayOfYear = (): string => f.add(f.sub(days, daysFromCivilJan1(f, year)), f.c(1));
  // hours since midnight, with fractions: (t − days·86,400,000) / 3,600,000
  const hours = (): string => g.op('Div', [f.sub(t, f.mul(days, f.c(86_400_000))), f.c(3_600_000)], `${base}/div`);
  /** sin or cos of θ = 2π·(x − offset)/period. */
  const cycle = (op: 'Sin' | 'Cos', x: string, offset: number, period: number): string =>
    g.op(op, [f.mul(f.sub(x, f.c(offset)), f.c((2 * Math.PI) / period))], `${base}/${op.toLowerCase()}`);
  const plain: Record<'year' | 'month' | 'dayOfWeek' | 'dayOfYear' | 'hour', () => string> = {
    year: () => year,
    month: () => month,
    dayOfWeek,
    dayOfYear,
    hour: () => g.op('Floor', [hours()], `${base}/floor`),
  };
  const cycles = {
    month: () => [month, 1, 12],
    dayOfWeek: () => [dayOfWeek(), 0, 7],
    dayOfYear: () => [dayOfYear(), 1, 365.25],
    hour: () => [hours(), 0, 24],
  } as const satisfies Record<string, () => [string, number, number]>;
  return parts.map((p) => {
    if (p in plain) return plain[p as keyof typeof plain]();
    const m = /^(month|dayOfWeek|dayOfYear|hour)(Sin|Cos)$/.exec(p);
    if (!m) throw new Error(`Internal error (please report): no ONNX form for the date part '${p}'.`);
    const [x, offset, period] = cycles[m[1] as keyof typeof cycles]();
    return cycle(m[2] as 'Sin' | 'Cos', x, offset, period);
  });
}
