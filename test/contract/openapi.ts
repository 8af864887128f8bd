/**
 * The Venice OpenAPI file as a validator, for the contract tests and the sandbox.
 *
 * Where the file is read from: $VENICE_OPENAPI if set, else
 * <repo>/../shared/reference/venice-swagger.yaml. Missing -> a plain error saying so.
 *
 * Stable API (the sandbox imports these two):
 *   validateRequestBody(method, path, body)          -> ValidationResult
 *   validateResponse(method, path, status, body)     -> ValidationResult
 * `method` is any case ('get', 'POST'); `path` is either an OpenAPI template
 * ('/api_keys/{id}') or a concrete path ('/api_keys/abc', '/api_keys?id=abc',
 * '/api/v1/billing/balance', or a full URL): the query string and the
 * '/api/v1' prefix are ignored and literal paths win over templates.
 * A response status the file does not list for the operation: an error status
 * (>= 400) is checked against components.schemas.StandardError and reported with
 * `documented: false`; a success status is invalid. Bodies are parsed JSON.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { toJsonSchema, type Json, type JsonObject } from './openapi-convert';

export interface ValidationResult {
  valid: boolean;
  /** Readable problems ("/data/0/id must be string"); empty when valid. */
  errors: string[];
  /** False when the file does not describe this operation/status (see above). */
  documented: boolean;
  /** "METHOD /template" of the matched operation, when one matched. */
  operation?: string;
}

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the OpenAPI file is expected. */
export function openApiLocation(): string {
  return process.env.VENICE_OPENAPI || path.resolve(REPO_ROOT, '..', 'shared', 'reference', 'venice-swagger.yaml');
}

const cache = new Map<string, JsonObject>();
/** Reads and parses the OpenAPI file (once per location); a plain error says where to put it. */
export function loadOpenApi(): JsonObject {
  const file = openApiLocation();
  const hit = cache.get(file);
  if (hit) return hit;
  if (!existsSync(file)) {
    throw new Error(
      `The Venice OpenAPI file was not found at ${file}. Put venice-swagger.yaml at ` +
        `${path.resolve(REPO_ROOT, '..', 'shared', 'reference')}/ or set VENICE_OPENAPI to its path.`,
    );
  }
  const doc = parse(readFileSync(file, 'utf8')) as JsonObject;
  cache.set(file, doc);
  return doc;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
for (const name of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']) ajv.addFormat(name, true);
const compiled = new Map<string, ValidateFunction>();

function compile(key: string, schema: Json): ValidateFunction {
  let fn = compiled.get(key);
  if (!fn) {
    fn = ajv.compile(schema as object);
    compiled.set(key, fn);
  }
  return fn;
}

function normalisePath(raw: string): string {
  const noOrigin = raw.replace(/^[a-z]+:\/\/[^/]+/i, '');
  const noQuery = noOrigin.split(/[?#]/)[0] ?? '';
  return noQuery.replace(/^\/api\/v1(?=\/)/, '') || '/';
}

/** Finds the operation for a method and a template or concrete path. */
export function findOperation(method: string, rawPath: string): { template: string; operation: JsonObject } | undefined {
  const paths = loadOpenApi().paths as JsonObject;
  const wanted = normalisePath(rawPath);
  const verb = method.toLowerCase();
  const candidates = Object.keys(paths)
    .filter((template) => {
      if (template === wanted) return true;
      const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}/]+\}/g, '[^/]+');
      return new RegExp(`^${pattern}$`).test(wanted);
    })
    .sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
  for (const template of candidates) {
    const operation = (paths[template] as JsonObject)[verb];
    if (operation && typeof operation === 'object' && !Array.isArray(operation)) return { template, operation };
  }
  return undefined;
}

function jsonContentSchema(holder: Json | undefined): Json | undefined {
  const content = (holder as JsonObject | undefined)?.content as JsonObject | undefined;
  return (content?.['application/json'] as JsonObject | undefined)?.schema;
}

/** The JSON Schema of an operation's request body, or undefined when it takes none. */
export function requestSchema(method: string, rawPath: string): Json | undefined {
  const found = findOperation(method, rawPath);
  const schema = jsonContentSchema(found?.operation.requestBody);
  return schema === undefined ? undefined : toJsonSchema(schema, loadOpenApi());
}

/** The JSON Schema of a documented response, or undefined. */
export function responseSchema(method: string, rawPath: string, status: number | string): Json | undefined {
  const responses = findOperation(method, rawPath)?.operation.responses as JsonObject | undefined;
  const schema = jsonContentSchema(responses?.[String(status)]);
  return schema === undefined ? undefined : toJsonSchema(schema, loadOpenApi());
}

function check(key: string, schema: Json, body: unknown, operation: string, documented: boolean): ValidationResult {
  const validate = compile(key, schema);
  const valid = validate(body) as boolean;
  const errors = valid
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
  return { valid, errors, documented, operation };
}

export function validateRequestBody(method: string, rawPath: string, body: unknown): ValidationResult {
  const found = findOperation(method, rawPath);
  if (!found) return { valid: false, documented: false, errors: [`No operation ${method.toUpperCase()} ${rawPath} in the OpenAPI file`] };
  const operation = `${method.toUpperCase()} ${found.template}`;
  const raw = jsonContentSchema(found.operation.requestBody);
  if (raw === undefined) {
    const valid = body === undefined;
    return { valid, documented: true, operation, errors: valid ? [] : [`${operation} takes no JSON body`] };
  }
  if (body === undefined) {
    const required = (found.operation.requestBody as JsonObject).required === true;
    return { valid: !required, documented: true, operation, errors: required ? [`${operation} needs a body`] : [] };
  }
  return check(`req ${operation}`, toJsonSchema(raw, loadOpenApi()), body, operation, true);
}

export function validateResponse(method: string, rawPath: string, status: number, body: unknown): ValidationResult {
  const found = findOperation(method, rawPath);
  if (!found) return { valid: false, documented: false, errors: [`No operation ${method.toUpperCase()} ${rawPath} in the OpenAPI file`] };
  const operation = `${method.toUpperCase()} ${found.template}`;
  const responses = (found.operation.responses ?? {}) as JsonObject;
  const entry = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
  if (entry === undefined) {
    if (status < 400) return { valid: false, documented: false, operation, errors: [`${operation} does not document status ${status}`] };
    const standard = toJsonSchema({ $ref: '#/components/schemas/StandardError' }, loadOpenApi());
    return check('StandardError', standard, body, operation, false);
  }
  const raw = jsonContentSchema(entry);
  if (raw === undefined) return { valid: true, errors: [], documented: true, operation };
  return check(`res ${operation} ${status}`, toJsonSchema(raw, loadOpenApi()), body, operation, true);
}
