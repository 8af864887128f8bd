/**
 * Sample inputs and answers shared by the unit tests and the contract tests (the
 * contract tests check every body the client builds from these, and every answer
 * here, against the OpenAPI file).
 */
// Venice's own address: the client sends only to hosts the build allows (lib/settings/build-policy.ts).
export const BASE = 'https://api.venice.ai/api/v1';
export const ADMIN_KEY = 'VENICE_ADMIN_KEY_t3stAdm1nKeyV4lue_0123456789abcdef';
export const INFERENCE_KEY = 'VENICE_INFERENCE_KEY_t3stInf3renceV4lue_0123456789';
export const KEY_ID = 'e28e82dc-9df2-4b47-b726-d0a222ef2ab5';
export const WALLET = '0x45B73055F3aDcC4577Bb709db10B19d11b5c94eE';
export const TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhZGRyZXNzIjoiMHg0NUI3IiwiZXhwIjoxOTk5OTk5OTk5fQ.q9Xk2mT0bXh3cUh8nQ1lYzR0c3RTaWduYXR1cmU';
export const SIGNATURE = `0x${'7a1f'.repeat(32)}1b`;
export const SIWX = btoa(JSON.stringify({ address: WALLET, message: 'api.venice.ai wants you to sign in', signature: SIGNATURE, timestamp: 1767225600000, chainId: 8453 }));
export const MINTED_SECRET = 'VENICE_INFERENCE_KEY_mintedS3cretThatIsShownOnce_xyz';

export const keyRecord = {
  id: KEY_ID,
  apiKeyType: 'INFERENCE',
  consumptionLimits: { usd: 50, diem: null, vcu: null },
  limitPeriod: 'MONTH',
  modelPrivacy: 'ALL',
  createdAt: '2026-01-02T03:04:05.000Z',
  description: 'Laptop key',
  expiresAt: null,
  last6Chars: '2V2jNW',
  lastUsedAt: null,
  usage: { trailingSevenDays: { usd: '10.2424', vcu: '0.0000', diem: '4.2231' } },
  currentPeriodUsage: { usd: '5.1234', diem: '0.0000' },
};

export const createdKey = {
  apiKey: MINTED_SECRET,
  apiKeyType: 'INFERENCE',
  consumptionLimit: { usd: 25, diem: null },
  limitPeriod: 'EPOCH',
  modelPrivacy: 'PRIVATE_TEXT',
  description: 'Web3 API Key',
  expiresAt: '2026-12-31T00:00:00.000Z',
  id: KEY_ID,
};

const { usage: _usage, currentPeriodUsage: _cpu, ...updatedKey } = keyRecord;

/** One valid 2xx body per operation, keyed "METHOD /openapi/path". */
export const ANSWERS = {
  'GET /api_keys': { data: [keyRecord, { ...keyRecord, id: 'b6c1f3a2-0000-4000-8000-000000000001', consumptionLimits: {} }], object: 'list' },
  'POST /api_keys': { data: createdKey, success: true },
  'PATCH /api_keys': { data: { ...updatedKey, description: 'Renamed' }, success: true },
  'DELETE /api_keys': { success: true },
  'GET /api_keys/{id}': { data: keyRecord },
  'GET /api_keys/rate_limits': {
    data: {
      accessPermitted: true,
      apiTier: { id: 'paid', isCharged: true },
      balances: { USD: 12.5, DIEM: 3.25 },
      keyExpiration: null,
      nextEpochBegins: '2026-05-07T00:00:00.000Z',
      rateLimits: [
        { apiModelId: 'zai-org-glm-5', rateLimits: [{ type: 'RPM', amount: 50 }, { type: 'TPM', amount: 750000 }] },
        { apiModelId: 'some-video-model', rateLimits: [] },
      ],
    },
  },
  'GET /api_keys/rate_limits/log': {
    data: [{ apiKeyId: KEY_ID, modelId: 'zai-org-glm-5', rateLimitTier: 'paid', rateLimitType: 'FAILED_REQUESTS', timestamp: '2026-01-02T03:04:05Z' }],
    object: 'list',
  },
  'GET /api_keys/generate_web3_key': { data: { token: TOKEN }, success: true },
  'POST /api_keys/generate_web3_key': { data: createdKey, success: true },
  'GET /billing/balance': { canConsume: true, consumptionCurrency: 'DIEM', balances: { diem: 90.5, usd: null }, diemEpochAllocation: 100 },
  'GET /billing/usage-analytics': {
    lookback: '7d',
    byDate: [{ date: '2026-01-02', USD: 0.5, DIEM: 10.25 }, { date: '2026-01-01', USD: 0.3, DIEM: 8.75 }],
    byModel: [{
      modelName: 'GLM 5', unitType: 'tokens', modelType: 'LLM', totalUsd: 0.4, totalDiem: 12.5, totalUnits: 50000,
      breakdown: [{ type: 'Output', usd: 0.3, diem: 10, units: 35000 }, { type: 'Input', usd: 0.1, diem: 2.5, units: 15000 }],
    }, { modelName: 'Venice Small', unitType: 'tokens', modelType: null, totalUsd: 0.4, totalDiem: 6.5, totalUnits: 1000 }],
    byModelDaily: [{ date: 1767225600000, 'GLM 5': 5.5, 'Venice Small': 3.2 }],
    topModels: ['GLM 5', 'Venice Small'],
    byKey: [
      { apiKeyId: KEY_ID, description: 'Laptop key', totalUsd: 0.8, totalDiem: 15, totalUnits: 75000 },
      { apiKeyId: null, description: 'Web App', totalUsd: 0, totalDiem: 4, totalUnits: 25000 },
    ],
    byKeyDaily: [{ date: 1767225600000, 'Laptop key': 8.5, 'Web App': 2 }],
    topKeyNames: ['Laptop key', 'Web App'],
  },
  'GET /billing/usage-history': {
    data: [
      { amount: -0.1, currency: 'DIEM', inferenceDetails: null, notes: 'API Inference', pricePerUnitUsd: 0.1, sku: 'venice-sd35-image-unit', timestamp: '2026-01-01T19:52:45.087Z', units: 1 },
      {
        amount: -0.06356, currency: 'USD', notes: 'API Inference', pricePerUnitUsd: 2.8, sku: 'zai-org-glm-5-llm-output-mtoken', timestamp: '2026-01-02T19:05:10.504Z', units: 0.000227,
        inferenceDetails: { completionTokens: 227, inferenceExecutionTime: 2964, promptTokens: 339, requestId: 'chatcmpl-4007fd29' },
      },
    ],
    nextCursor: 'AZq3fK9tXhIVDm2j4vN8cQwYt1sB6uEoLxRgPzKaJdHfM5nC7yW0K3w',
  },
  'GET /x402/balance/{walletAddress}': {
    success: true,
    data: { walletAddress: WALLET.toLowerCase(), balanceUsd: 12.5, canConsume: true, minimumTopUpUsd: 5, suggestedTopUpUsd: 10 },
  },
} as const;
export type OperationKey = keyof typeof ANSWERS;

/** Request inputs the unit scenarios send (all valid). */
export const CREATE_BODIES = [
  { apiKeyType: 'INFERENCE', description: 'Laptop key' },
  { apiKeyType: 'ADMIN', description: 'x'.repeat(64), expiresAt: '', limitPeriod: 'LIFETIME', modelPrivacy: 'PRIVATE_ONLY' },
  { apiKeyType: 'INFERENCE', description: 'Capped', expiresAt: '2026-12-31', consumptionLimit: { usd: 0, diem: 9999999999, vcu: null } },
  { apiKeyType: 'INFERENCE', description: 'Timed', expiresAt: '2026-12-31T23:59:59.123Z', consumptionLimit: {} },
] as const;
export const UPDATE_BODIES = [
  { id: KEY_ID, description: 'Renamed' },
  { id: KEY_ID, expiresAt: null, consumptionLimit: { usd: null } },
  { id: KEY_ID, expiresAt: '', limitPeriod: 'EPOCH', modelPrivacy: 'ALL' },
  { id: KEY_ID, expiresAt: '2027-01-01T00:00:00Z', consumptionLimit: { diem: 12.5 } },
] as const;
export const MINT_BODIES = [
  { address: WALLET, signature: SIGNATURE, token: TOKEN, apiKeyType: 'INFERENCE' },
  {
    address: WALLET.toLowerCase(), signature: SIGNATURE, token: TOKEN, apiKeyType: 'ADMIN', description: 'Agent key',
    expiresAt: '2026-06-30', consumptionLimit: { usd: 10, diem: null }, limitPeriod: 'MONTH', modelPrivacy: 'PRIVATE_TEXT',
  },
] as const;
