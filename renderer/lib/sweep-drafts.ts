/** The parameter rows of the sweep editor, as typed, and their search-space file entries. */
import type { DistributionName, ParamValue, SpaceParameterJson } from '../../engine/protocol/index.ts';
import type { SweepField } from './sweep-fields.ts';

/** One parameter row of the editor (texts as typed, so the engine can say what is wrong with them). */
export interface ParamDraft {
  /** Stable key for the list. */
  key: number;
  path: string;
  distribution: DistributionName;
  min: string;
  max: string;
  /** Choice values, separated by commas. */
  values: string;
  /** Int ranges: spread on a log scale. */
  log: boolean;
}

/** A new row for a field, with its starting range. */
export function draftFor(field: Pick<SweepField, 'path' | 'start'>, key: number): ParamDraft {
  const s = field.start;
  return {
    key,
    path: field.path,
    distribution: s.distribution,
    min: s.min === undefined ? '' : String(s.min),
    max: s.max === undefined ? '' : String(s.max),
    values: (s.values ?? []).join(', '),
    log: s.log ?? false,
  };
}

/** A typed number, or the text itself (so the engine's message quotes it), or nothing for an empty box. */
function numberOrText(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/** A choice value as typed: a number, true/false, or a name. */
function choiceValue(text: string): ParamValue {
  const t = text.trim();
  if (t === 'true' || t === 'false') return t === 'true';
  const n = Number(t);
  return t !== '' && Number.isFinite(n) ? n : t;
}

/** The row as a search-space file entry (values left as typed where they are not numbers). */
export function draftJson(d: ParamDraft): SpaceParameterJson {
  if (d.distribution === 'choice') {
    const values = d.values
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== '')
      .map(choiceValue);
    return { distribution: 'choice', values };
  }
  const range = { min: numberOrText(d.min), max: numberOrText(d.max) } as { min: number; max: number };
  if (d.distribution === 'int') return { distribution: 'int', ...range, ...(d.log ? { log: true } : {}) };
  return { distribution: d.distribution, ...range };
}

/** Switch a row's distribution, keeping what still makes sense (a range's ends become choices and back). */
export function withDistribution(d: ParamDraft, distribution: DistributionName): ParamDraft {
  if (distribution === d.distribution) return d;
  if (distribution === 'choice') {
    const values = d.values.trim() || [d.min, d.max].filter((v) => v.trim() !== '').join(', ');
    return { ...d, distribution, values };
  }
  if (d.distribution === 'choice') {
    const nums = d.values
      .split(',')
      .map((v) => Number(v.trim()))
      .filter((v) => Number.isFinite(v));
    const min = nums.length ? String(Math.min(...nums)) : d.min;
    const max = nums.length ? String(Math.max(...nums)) : d.max;
    return { ...d, distribution, min, max, log: distribution === 'int' ? d.log : false };
  }
  return { ...d, distribution, log: distribution === 'int' ? d.log : false };
}
