/**
 * OpenAPI 3.0 schema objects -> JSON Schema (draft 7, as ajv reads it):
 * `$ref`s to components are inlined, `nullable: true` becomes a null type, and
 * OpenAPI-only keywords are dropped (`example` is kept for the sampler; ajv,
 * not strict, ignores it).
 *
 * Venice's file writes "or null" as a branch `{ nullable: true, title: "null" }`
 * with no type. Read literally that branch accepts anything; its intent (and
 * what the server sends) is null, so a typeless nullable schema becomes
 * `{ type: "null" }`. Without this, a drift such as `usd: "5"` could not fail.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

const DROP = new Set(['nullable', 'deprecated', 'xml', 'externalDocs', 'discriminator', 'examples', 'x-guidance']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs']);
const SCHEMA_LISTS = new Set(['anyOf', 'oneOf', 'allOf', 'prefixItems']);
const SCHEMA_VALUES = new Set(['items', 'not', 'additionalProperties', 'additionalItems', 'contains', 'propertyNames', 'if', 'then', 'else']);
/** Keywords that only describe; a typeless nullable schema with nothing else means "null". */
const DESCRIPTIVE = new Set(['nullable', 'title', 'description', 'deprecated', 'example', 'examples']);

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Follows a local JSON pointer such as "#/components/schemas/StandardError". */
export function resolvePointer(doc: JsonObject, ref: string): Json {
  if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported, got ${ref}`);
  let node: Json = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) || !(key in node)) throw new Error(`Unresolvable $ref ${ref}`);
    node = node[key]!;
  }
  return node;
}

export function toJsonSchema(schema: Json, doc: JsonObject, seen: ReadonlySet<string> = new Set()): Json {
  if (Array.isArray(schema)) return schema.map((s) => toJsonSchema(s, doc, seen));
  if (!isObject(schema)) return schema;
  if (typeof schema.$ref === 'string') {
    if (seen.has(schema.$ref)) throw new Error(`Recursive $ref ${schema.$ref} is not supported`);
    return toJsonSchema(resolvePointer(doc, schema.$ref), doc, new Set([...seen, schema.$ref]));
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROP.has(key)) continue;
    if (SCHEMA_MAPS.has(key) && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, toJsonSchema(sub, doc, seen)]));
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
      out[key] = value.map((sub) => toJsonSchema(sub, doc, seen));
    } else if (SCHEMA_VALUES.has(key) && isObject(value)) {
      out[key] = toJsonSchema(value, doc, seen);
    } else {
      out[key] = value;
    }
  }
  if (schema.nullable !== true) return out;
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  if (Object.keys(schema).every((key) => DESCRIPTIVE.has(key))) return { ...out, type: 'null' };
  return { anyOf: [out, { type: 'null' }] };
}
