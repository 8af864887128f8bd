/** The validator the contract tests and the sandbox rely on: loading, path matching, 3.0 nullable, statuses. */
import { afterEach, describe, expect, it } from 'vitest';
import { ANSWERS, KEY_ID } from '../unit/venice/fixtures';
import { findOperation, loadOpenApi, openApiLocation, validateRequestBody, validateResponse } from './openapi';

const saved = process.env.VENICE_OPENAPI;
afterEach(() => {
  if (saved === undefined) delete process.env.VENICE_OPENAPI;
  else process.env.VENICE_OPENAPI = saved;
});

describe('loading the OpenAPI file', () => {
  it('reads the file and finds the Venice API version 3.0 document', () => {
    const doc = loadOpenApi();
    expect(doc.openapi).toMatch(/^3\.0/);
    expect(openApiLocation()).toMatch(/venice-swagger\.yaml$/);
  });

  it('fails with a plain message naming where to put it when it is missing', () => {
    process.env.VENICE_OPENAPI = '/nonexistent/venice-swagger.yaml';
    expect(() => loadOpenApi()).toThrow(/not found at \/nonexistent\/venice-swagger\.yaml.*set VENICE_OPENAPI/);
  });
});

describe('path matching', () => {
  it.each([
    ['GET', '/api_keys/rate_limits', '/api_keys/rate_limits'],
    ['GET', '/api_keys/rate_limits/log', '/api_keys/rate_limits/log'],
    ['GET', `/api_keys/${KEY_ID}`, '/api_keys/{id}'],
    ['get', '/api_keys/{id}', '/api_keys/{id}'],
    ['DELETE', `/api_keys?id=${KEY_ID}`, '/api_keys'],
    ['GET', 'https://api.venice.ai/api/v1/billing/balance', '/billing/balance'],
    ['GET', '/api/v1/x402/balance/0xabc', '/x402/balance/{walletAddress}'],
  ])('%s %s -> %s', (method, path, template) => {
    expect(findOperation(method, path)?.template).toBe(template);
  });

  it('reports an unknown operation as invalid and undocumented', () => {
    expect(validateResponse('PUT', '/api_keys', 200, {})).toMatchObject({ valid: false, documented: false });
    expect(validateRequestBody('GET', '/nowhere', undefined)).toMatchObject({ valid: false, documented: false });
  });
});

describe('validateResponse', () => {
  const key = ANSWERS['GET /api_keys/{id}'];

  it('accepts a documented answer and names the operation', () => {
    expect(validateResponse('GET', `/api_keys/${KEY_ID}`, 200, key)).toEqual({
      valid: true, errors: [], documented: true, operation: 'GET /api_keys/{id}',
    });
  });

  it('reads 3.0 nullable: null where allowed, and the "null" anyOf branch means null only', () => {
    const limits = (v: unknown) => ({ ...key, data: { ...key.data, consumptionLimits: { usd: v } } });
    expect(validateResponse('GET', '/api_keys/{id}', 200, limits(null)).valid).toBe(true);
    expect(validateResponse('GET', '/api_keys/{id}', 200, limits('5')).valid).toBe(false);
    expect(validateResponse('GET', '/api_keys/{id}', 200, limits(10_000_000_000)).valid).toBe(false);
    expect(validateResponse('GET', '/billing/balance', 200, { ...ANSWERS['GET /billing/balance'], consumptionCurrency: null }).valid).toBe(true);
  });

  it('explains what is wrong, field by field', () => {
    const result = validateResponse('GET', '/api_keys/{id}', 200, { data: { ...key.data, last6Chars: 7, surprise: true } });
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/\/data\/last6Chars must be string/);
    expect(result.errors.join('\n')).toMatch(/additional properties \(surprise\)/);
  });

  it('checks documented error answers with their schema', () => {
    expect(validateResponse('DELETE', '/api_keys', 400, { error: 'API key could not be found' })).toMatchObject({ valid: true, documented: true });
    expect(validateResponse('DELETE', '/api_keys', 401, { message: 'no error field' }).valid).toBe(false);
  });

  it('checks undocumented error statuses against StandardError, flagged as undocumented', () => {
    expect(validateResponse('POST', '/api_keys/generate_web3_key', 400, { error: 'JWT has expired' })).toMatchObject({ valid: true, documented: false });
    expect(validateResponse('POST', '/api_keys/generate_web3_key', 400, { reason: 'x' }).valid).toBe(false);
  });

  it('refuses an undocumented success status', () => {
    expect(validateResponse('GET', '/billing/balance', 201, ANSWERS['GET /billing/balance'])).toMatchObject({ valid: false, documented: false });
  });
});

describe('validateRequestBody', () => {
  it('GET and DELETE take no body', () => {
    expect(validateRequestBody('GET', '/api_keys', undefined).valid).toBe(true);
    expect(validateRequestBody('DELETE', '/api_keys', { id: KEY_ID }).valid).toBe(false);
  });

  it('checks the expiresAt formats and the 64-character description of POST /api_keys', () => {
    const ok = (body: object) => validateRequestBody('POST', '/api_keys', { apiKeyType: 'INFERENCE', description: 'a', ...body }).valid;
    expect(ok({ expiresAt: '2026-12-31' })).toBe(true);
    expect(ok({ expiresAt: '2026-12-31T10:00:00.000Z' })).toBe(true);
    expect(ok({ expiresAt: '' })).toBe(true);
    expect(ok({ expiresAt: null })).toBe(false);
    expect(ok({ expiresAt: 'tomorrow' })).toBe(false);
    expect(ok({ description: 'd'.repeat(65) })).toBe(false);
  });

  it('PATCH takes null to remove an expiry', () => {
    expect(validateRequestBody('PATCH', '/api_keys', { id: KEY_ID, expiresAt: null }).valid).toBe(true);
  });
});
