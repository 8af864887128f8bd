/**
 * Makes sample values from a (converted) JSON Schema: what a server following
 * the OpenAPI file could send. A strategy picks the branch of each choice, so
 * several samples together reach every anyOf branch, enum end and optional field.
 */
import { Ajv } from 'ajv';
import type { Json, JsonObject } from './openapi-convert';

export interface Strategy {
  /** Include optional properties (true) or only the required ones. */
  optional: boolean;
  /** Which of n choices to take (anyOf branch, enum value, type of a union). */
  pick: (n: number) => number;
  /** Use the schema's maximum rather than its example/minimum for numbers. */
  high: boolean;
}

export const STRATEGIES: Record<string, Strategy> = {
  'all fields, first choices': { optional: true, pick: () => 0, high: false },
  'all fields, last choices': { optional: true, pick: (n) => n - 1, high: true },
  'required only, first choices': { optional: false, pick: () => 0, high: false },
  'required only, last choices': { optional: false, pick: (n) => n - 1, high: true },
};

/** Strategies taking choice k of every choice (clamped): together they reach each enum value and branch. */
export function choiceStrategies(count: number): Record<string, Strategy> {
  return Object.fromEntries(
    Array.from({ length: count }, (_, k) => [`choice ${k}`, { optional: true, pick: (n: number) => Math.min(k, n - 1), high: k > 0 }]),
  );
}

const fitter = new Ajv({ strict: false });
/** True when a schema's own example is valid against that schema (some examples in the file are not). */
function fits(example: Json, schema: JsonObject): boolean {
  const { example: _drop, ...rest } = schema;
  return fitter.validate(rest, example) as boolean;
}

const STRING_CANDIDATES = [
  'sample',
  '2026-01-02',
  '2026-01-02T03:04:05.000Z',
  `0x${'ab'.repeat(20)}`,
  '10.5000',
  'e28e82dc-9df2-4b47-b726-d0a222ef2ab5',
];

function sampleString(schema: JsonObject): string {
  const pattern = typeof schema.pattern === 'string' ? new RegExp(schema.pattern) : undefined;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  const found = STRING_CANDIDATES.find((s) => (!pattern || pattern.test(s)) && s.length <= max);
  if (found === undefined) throw new Error(`sampler: no candidate string fits ${JSON.stringify(schema)}`);
  return found;
}

export function sample(schema: Json, strategy: Strategy): Json {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return 'sample';
  const s = schema as JsonObject;
  const choices = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (Array.isArray(choices)) return sample(choices[strategy.pick(choices.length)]!, strategy);
  if (Array.isArray(s.enum)) return s.enum[strategy.pick(s.enum.length)]!;
  if ('const' in s) return s.const!;
  const types = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === 'string' ? [s.type] : [];
  const type = types.length ? types[strategy.pick(types.length)] : s.properties ? 'object' : undefined;
  const example = s.example !== undefined && fits(s.example, s) ? s.example : undefined;
  switch (type) {
    case 'null':
      return null;
    case 'object': {
      const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
      const props = (s.properties ?? {}) as JsonObject;
      const out: JsonObject = {};
      for (const [name, sub] of Object.entries(props)) {
        if (strategy.optional || required.has(name)) out[name] = sample(sub, strategy);
      }
      return out;
    }
    case 'array':
      return strategy.optional || (typeof s.minItems === 'number' && s.minItems > 0) ? [sample(s.items ?? {}, strategy)] : [];
    case 'number':
    case 'integer':
      if (strategy.high && typeof s.maximum === 'number') return s.maximum;
      return typeof example === 'number' ? example : typeof s.minimum === 'number' ? s.minimum : 1;
    case 'boolean':
      return typeof example === 'boolean' ? example : true;
    case 'string':
      return typeof example === 'string' ? example : sampleString(s);
    default:
      return example ?? 'sample';
  }
}

/** Every leaf (non-object, non-array value) of a sample with its path. */
export function leaves(value: Json, at: Array<string | number> = []): Array<{ path: Array<string | number>; value: Json }> {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, [...at, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...at, k]));
  return [{ path: at, value }];
}

/** A copy of `value` with the leaf at `path` replaced. */
export function withLeaf(value: Json, path: Array<string | number>, leaf: Json): Json {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as JsonObject) }) as Json[] & JsonObject;
  (copy as Record<string | number, Json>)[head!] = withLeaf((copy as Record<string | number, Json>)[head!]!, rest, leaf);
  return copy;
}

const jsonType = (v: Json) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Values to try in place of a leaf: other JSON types, and odd values of the same type. */
export function wrongTypes(value: Json): Json[] {
  const all: Json[] = ['x-wrong', 12345, true, null, { wrong: 1 }, [1]];
  const same: Json[] =
    typeof value === 'number' ? [-1, 0.5, 99_999_999_999]
    : typeof value === 'string' ? ['', 'NOT_AN_ENUM_VALUE', 'y'.repeat(65)]
    : [];
  return [...all.filter((v) => jsonType(v) !== jsonType(value)), ...same.filter((v) => v !== value)];
}
