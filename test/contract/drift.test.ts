/**
 * Drift between the client's zod schemas and the OpenAPI file fails here:
 * samples of every documented 200 answer must parse with zod; a sample with any
 * one required field removed, or any one value of a wrong type, must be refused
 * by zod whenever the OpenAPI file refuses it; and every zod-valid answer the
 * unit tests use must be valid against the file.
 */
import { describe, expect, it } from 'vitest';
import { ANSWERS } from '../unit/venice/fixtures';
import { responseSchema, validateResponse } from './openapi';
import type { Json, JsonObject } from './openapi-convert';
import { OPERATIONS } from './operations';
import { STRATEGIES, choiceStrategies, leaves, sample, withLeaf, wrongTypes } from './sampler';

const ops = [...OPERATIONS.entries()];
const strategies = Object.entries(STRATEGIES);
const choices = Object.entries(choiceStrategies(6));

/** Every (path, name) of a required property reachable in a sample. */
function requiredFields(schema: Json, value: Json, at: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return [];
  const s = schema as JsonObject;
  const out: Array<Array<string | number>> = [];
  if (s.properties && value && typeof value === 'object' && !Array.isArray(value)) {
    for (const name of (s.required as string[] | undefined) ?? []) if (name in value) out.push([...at, name]);
    for (const [name, sub] of Object.entries(s.properties as JsonObject)) {
      if (name in value) out.push(...requiredFields(sub, (value as JsonObject)[name]!, [...at, name]));
    }
  }
  if (s.items && Array.isArray(value)) value.forEach((item, i) => out.push(...requiredFields(s.items!, item, [...at, i])));
  return out;
}

function without(value: Json, path: Array<string | number>): Json {
  const parentPath = path.slice(0, -1);
  const name = path[path.length - 1] as string;
  const parent = parentPath.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key]!, value) as JsonObject;
  const { [name]: _gone, ...rest } = parent;
  return withLeaf(value, parentPath, rest);
}

describe.each(ops)('%s: zod response schema vs OpenAPI 200', (key, { method, path, response }) => {
  const schema = responseSchema(method, path, 200);

  it('is documented with a JSON body', () => {
    expect(schema, `${key} 200 has no JSON schema in the OpenAPI file`).toBeDefined();
  });

  it.each([...strategies, ...choices])('accepts the OpenAPI sample (%s)', (_name, strategy) => {
    const body = sample(schema!, strategy);
    expect(validateResponse(method, path, 200, body).errors).toEqual([]);
    const parsed = response.safeParse(body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it.each(strategies)('requires every field the OpenAPI file requires (%s)', (_name, strategy) => {
    const body = sample(schema!, strategy);
    for (const fieldPath of requiredFields(schema!, body)) {
      const broken = without(body, fieldPath);
      expect(validateResponse(method, path, 200, broken).valid).toBe(false);
      expect(response.safeParse(broken).success, `zod accepts ${key} without ${fieldPath.join('.')}`).toBe(false);
    }
  });

  it.each(strategies)('refuses every wrong value the OpenAPI file refuses (%s)', (_name, strategy) => {
    const body = sample(schema!, strategy);
    for (const leaf of leaves(body)) {
      for (const wrong of wrongTypes(leaf.value)) {
        const broken = withLeaf(body, leaf.path, wrong);
        if (validateResponse(method, path, 200, broken).valid) continue;
        expect(response.safeParse(broken).success, `zod accepts ${key} with ${leaf.path.join('.')} = ${JSON.stringify(wrong)}`).toBe(false);
      }
    }
  });

  it('the zod-valid fixture answer of the unit tests is valid against the file', () => {
    const answer = ANSWERS[key] as unknown;
    expect(response.safeParse(answer).success).toBe(true);
    expect(validateResponse(method, path, 200, answer).errors).toEqual([]);
  });
});
