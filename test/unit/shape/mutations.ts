// Differential tests of the popup's hand checks against the background's zod schemas: a valid
// value, and every copy of it with ONE field (at any depth) replaced by a candidate value or
// removed, plus one unknown key per object. Each hand check must give the schema's answer on all.
const CANDIDATES: unknown[] = [
  undefined, null, true, 0, -1, 1.5, 2, 9_999_999_999, 1e10, 2 ** 60, Number.NaN, Number.POSITIVE_INFINITY,
  '', 'x', 'aaaaaa', 'x'.repeat(65), 'x'.repeat(201), 'x'.repeat(600), '12', '0x' + 'a'.repeat(40),
  '2030-01-31', '2030-02-30', '2030-01-31T23:59:59.999Z', '2025-06-01T00:00:00Z', 'https://api.venice.ai/api/v1', 'not a url',
  'INFERENCE', 'ADMIN', 'EPOCH', 'ok', 'error', 'revoked', 'idle', 'saved', 'failed', 'retry', 'UNKNOWN',
  '11111111-1111-4111-8111-111111111111', 'AAAA', 'a b', {}, [], [{}],
];
const MISSING = Symbol('missing');

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function setAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  const next = setAt((value as Record<string | number, unknown>)[head!], rest, replacement);
  if (next === MISSING) delete copy[head!];
  else copy[head!] = next;
  return copy;
}

export function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => [[...prefix, i], ...paths(item, [...prefix, i])]);
  if (isPlainObject(value)) return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
  return [];
}

/** The valid value, then every one-field change of it, each with a label for the failure message. */
export function mutations(valid: unknown): [string, unknown][] {
  const out: [string, unknown][] = [['as is', valid]];
  for (const path of paths(valid)) {
    const where = path.join('.');
    out.push([`${where} removed`, setAt(valid, path, MISSING)]);
    for (const c of CANDIDATES) out.push([`${where} = ${JSON.stringify(c) ?? String(c)}`, setAt(valid, path, c)]);
  }
  for (const path of [[], ...paths(valid)]) {
    const target = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], valid);
    if (isPlainObject(target)) out.push([`${path.join('.') || '(root)'} + unknown key`, setAt(valid, path, { ...target, unknownKey: 1 })]);
  }
  for (const c of CANDIDATES) out.push([`whole value = ${JSON.stringify(c) ?? String(c)}`, c]);
  return out;
}
