// The per-model rate limits the sandbox reports (default tiers of the rate-limiting page).
export const MODEL_RATE_LIMITS: { apiModelId: string; rateLimits: { type: 'RPM' | 'RPD' | 'TPM'; amount: number }[] }[] = [
  { apiModelId: 'qwen3-4b', rateLimits: [{ type: 'RPM', amount: 500 }, { type: 'TPM', amount: 1_000_000 }] },
  { apiModelId: 'venice-uncensored', rateLimits: [{ type: 'RPM', amount: 75 }, { type: 'TPM', amount: 750_000 }] },
  { apiModelId: 'zai-org-glm-5', rateLimits: [{ type: 'RPM', amount: 50 }, { type: 'TPM', amount: 750_000 }] },
  { apiModelId: 'deepseek-ai-DeepSeek-R1', rateLimits: [{ type: 'RPM', amount: 20 }, { type: 'TPM', amount: 500_000 }, { type: 'RPD', amount: 10_000 }] },
  { apiModelId: 'text-embedding-bge-m3', rateLimits: [{ type: 'RPM', amount: 500 }] },
  { apiModelId: 'venice-sd35', rateLimits: [{ type: 'RPM', amount: 20 }] },
  { apiModelId: 'tts-kokoro', rateLimits: [{ type: 'RPM', amount: 60 }] },
  { apiModelId: 'wan-2.5-preview-text-to-video', rateLimits: [] },
];

export const API_TIER = { id: 'paid', isCharged: true } as const;
