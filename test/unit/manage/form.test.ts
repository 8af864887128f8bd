// The create/edit forms of the Manage keys page: every problem found before posting, the
// bodies sent (only what changed on PATCH), and the documented traps shown before saving.
import { describe, expect, it } from 'vitest';
import { checkForm, createBody, EMPTY_FORM, formOf, trapsOf, updateBody, type KeyForm } from '../../../lib/manage/form';
import { CreateKeyBodySchema, UpdateKeyBodySchema } from '../../../lib/venice/schemas/keys';

const TODAY = '2026-01-10';
const form = (over: Partial<KeyForm>): KeyForm => ({ ...EMPTY_FORM, description: 'ci', ...over });

describe('checkForm', () => {
  it.each([
    [{ description: '  ' }, { description: 'required' }],
    [{ description: 'x'.repeat(65) }, { description: 'too_long' }],
    [{ expiresAt: '2026-02-30' }, { expiresAt: 'not_a_date' }],
    [{ expiresAt: '10/02/2026' }, { expiresAt: 'not_a_date' }],
    [{ expiresAt: TODAY }, { expiresAt: 'in_the_past' }],
    [{ usd: 'ten' }, { usd: 'not_a_number' }],
    [{ usd: '-1' }, { usd: 'negative' }],
    [{ diem: '10000000000' }, { diem: 'too_large' }],
    [{ diem: '1.001' }, { diem: 'too_precise' }],
  ] as const)('%j → %j', (over, problems) => {
    expect(checkForm(form(over), TODAY)).toEqual(problems);
  });

  it('accepts every documented option at its bounds', () => {
    expect(checkForm(form({ description: 'x'.repeat(64), expiresAt: '2026-01-11', usd: '0', diem: '9999999999', limitPeriod: 'LIFETIME', modelPrivacy: 'PRIVATE_ONLY' }), TODAY)).toEqual({});
  });
});

describe('bodies', () => {
  it('creates with every option, an empty one left out, and passes the client\'s schema', () => {
    const body = createBody(form({ apiKeyType: 'ADMIN', expiresAt: '2026-03-01', usd: '5', limitPeriod: 'MONTH', modelPrivacy: 'PRIVATE_TEXT' }));
    expect(body).toEqual({ apiKeyType: 'ADMIN', description: 'ci', expiresAt: '2026-03-01', consumptionLimit: { usd: 5, diem: null }, limitPeriod: 'MONTH', modelPrivacy: 'PRIVATE_TEXT' });
    expect(CreateKeyBodySchema.safeParse(body).success).toBe(true);
    expect(createBody(form({}))).not.toHaveProperty('consumptionLimit');
  });

  it('patches only what changed; an emptied expiry is null (removes it)', () => {
    const before = formOf({ apiKeyType: 'INFERENCE', description: 'ci', expiresAt: '2026-03-01T00:00:00.000Z', consumptionLimits: { usd: 5, diem: null }, limitPeriod: 'EPOCH', modelPrivacy: 'ALL' });
    expect(updateBody('k1', before, before)).toEqual({ id: 'k1' });
    const body = updateBody('k1', before, { ...before, expiresAt: '', usd: '0' });
    expect(body).toEqual({ id: 'k1', expiresAt: null, consumptionLimit: { usd: 0, diem: null } });
    expect(UpdateKeyBodySchema.safeParse(body).success).toBe(true);
  });
});

describe('trapsOf', () => {
  const before = form({ usd: '5', diem: '2', expiresAt: '2026-03-01' });
  it('names a USD cap of 0 (blocks USD spending), a removed cap, a removed expiry, stricter privacy', () => {
    expect(trapsOf(before, updateBody('k', before, { ...before, usd: '0' }))).toEqual(['usd_zero']);
    expect(trapsOf(before, updateBody('k', before, { ...before, diem: '' }))).toEqual(['cap_removed']);
    expect(trapsOf(before, updateBody('k', before, { ...before, expiresAt: '' }))).toEqual(['expiry_removed']);
    expect(trapsOf(before, updateBody('k', before, { ...before, modelPrivacy: 'PRIVATE_ONLY' }))).toEqual(['privacy_tighter']);
    expect(trapsOf(before, updateBody('k', before, { ...before, description: 'renamed' }))).toEqual([]);
  });
});
