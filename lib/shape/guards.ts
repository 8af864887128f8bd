/**
 * Small hand checks for the popup, which reads stored values without zod (issue 16: the popup at
 * 30 KiB). Each check in lib/ that uses them mirrors a zod schema the background parses with, and
 * a unit test holds the two to the same answers (test/unit/shape/).
 */
export type Guard = (value: unknown) => boolean;

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A string of min..max UTF-16 units, optionally matching `pattern` (zod's minLength, maxLength, regex). */
export const text =
  (min = 0, max = Infinity, pattern?: RegExp): Guard =>
  (v) =>
    typeof v === 'string' && v.length >= min && v.length <= max && (!pattern || pattern.test(v));

/** A finite number in min..max, whole when `int` (zod's number with gte, lte, int). */
export const num =
  (min = -Infinity, max = Infinity, int = false): Guard =>
  (v) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max && (!int || Number.isSafeInteger(v));

export const bool: Guard = (v) => typeof v === 'boolean';
export const oneOf =
  (values: readonly unknown[]): Guard =>
  (v) =>
    values.includes(v);
export const optional =
  (guard: Guard): Guard =>
  (v) =>
    v === undefined || guard(v);
export const nullable =
  (guard: Guard): Guard =>
  (v) =>
    v === null || guard(v);
export const arrayOf =
  (guard: Guard, max = Infinity): Guard =>
  (v) =>
    // Every index, holes included (`every` would skip a hole; zod reads it as undefined).
    Array.isArray(v) && v.length <= max && Array.from(v, (item: unknown) => guard(item)).every(Boolean);

/**
 * An object whose listed fields pass their guards; `strict` refuses any other key (zod's
 * strictObject), else other keys are allowed (zod's object, which drops them).
 */
export const shape =
  (fields: Record<string, Guard>, strict = true): Guard =>
  (v) =>
    isObject(v) &&
    Object.entries(fields).every(([key, guard]) => guard(v[key])) &&
    (!strict || Object.keys(v).every((key) => Object.hasOwn(fields, key)));
