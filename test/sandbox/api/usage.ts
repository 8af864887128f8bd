// The account's recorded usage (POST /__sandbox/keys/{ref}/usage) seen as Venice's billing views:
// the ledger of GET /billing/usage-history and the aggregates of GET /billing/usage-analytics.
import type { KeyRecord, Store, UsageEvent } from './store';

/** The models usage can be recorded for: API id -> display name and price (USD per million tokens). */
export const USAGE_MODELS: Record<string, { name: string; inputPerM: number; outputPerM: number }> = {
  'zai-org-glm-5': { name: 'GLM 5', inputPerM: 1, outputPerM: 3.2 },
  'qwen3-4b': { name: 'Venice Small', inputPerM: 0.05, outputPerM: 0.15 },
  'venice-uncensored': { name: 'Venice Uncensored', inputPerM: 0.2, outputPerM: 0.9 },
  'deepseek-ai-DeepSeek-R1': { name: 'DeepSeek R1', inputPerM: 0.85, outputPerM: 2.75 },
};
export const DEFAULT_USAGE_MODEL = 'zai-org-glm-5';

export interface LedgerEntry {
  amount: number;
  currency: 'USD' | 'DIEM' | 'BUNDLED_CREDITS';
  inferenceDetails: { completionTokens: number | null; inferenceExecutionTime: number | null; promptTokens: number | null; requestId: string } | null;
  notes: string;
  pricePerUnitUsd: number;
  sku: string;
  timestamp: string;
  units: number;
  /** Where the entry sits in the walk: (at, seq, currency index). Not sent. */
  position: [number, number, number];
  key: KeyRecord;
  event: UsageEvent;
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;
const modelOf = (event: UsageEvent) => event.model ?? DEFAULT_USAGE_MODEL;

/** Every usage event of the account's keys, oldest first (seq breaks ties). */
export function accountEvents(store: Store, accountId: string): Array<{ key: KeyRecord; event: UsageEvent }> {
  return store
    .keysOf(accountId)
    .flatMap((key) => key.usage.map((event) => ({ key, event })))
    .sort((a, b) => a.event.at - b.event.at || (a.event.seq ?? 0) - (b.event.seq ?? 0));
}

/** One ledger line per currency an event spent (USD, DIEM), negative amounts as Venice shows them. */
export function ledger(store: Store, accountId: string): LedgerEntry[] {
  return accountEvents(store, accountId).flatMap(({ key, event }) => {
    const model = modelOf(event);
    const price = USAGE_MODELS[model]?.outputPerM ?? 1;
    const tokens = (event.promptTokens ?? 0) + (event.completionTokens ?? 0);
    const hasTokens = event.promptTokens !== undefined || event.completionTokens !== undefined;
    const parts: Array<['USD' | 'DIEM', number]> = [['DIEM', event.diem], ['USD', event.usd]];
    return parts
      .map(([currency, spent], index) => ({ currency, spent, index }))
      .filter(({ spent }) => spent > 0)
      .map(({ currency, spent, index }) => ({
        amount: -round(spent),
        currency,
        inferenceDetails: hasTokens
          ? { completionTokens: event.completionTokens ?? null, inferenceExecutionTime: 1000, promptTokens: event.promptTokens ?? null, requestId: `chatcmpl-sandbox-${event.seq ?? event.at}` }
          : null,
        notes: 'API Inference',
        pricePerUnitUsd: price,
        sku: `${model}-llm-output-mtoken`,
        timestamp: new Date(event.at).toISOString(),
        units: round(tokens / 1e6),
        position: [event.at, event.seq ?? 0, index] as [number, number, number],
        key,
        event,
      }));
  });
}

const DAY = 86_400_000;
const dayStart = (ms: number) => Math.floor(ms / DAY) * DAY;
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The aggregates of GET /billing/usage-analytics over [fromMs, toMs) (UTC day bounds). */
export function analytics(store: Store, accountId: string, fromMs: number, toMs: number, lookback: string) {
  const events = accountEvents(store, accountId).filter(({ event }) => event.at >= fromMs && event.at < toMs);
  const byDate = new Map<string, { USD: number; DIEM: number }>();
  const byModel = new Map<string, { usd: number; diem: number; input: number; output: number; inUsd: number; inDiem: number }>();
  const byKey = new Map<string, { key: KeyRecord; usd: number; diem: number; units: number }>();
  const modelDaily = new Map<number, Map<string, number>>();
  const keyDaily = new Map<number, Map<string, number>>();
  const add = (map: Map<number, Map<string, number>>, day: number, name: string, value: number) => {
    const row = map.get(day) ?? new Map<string, number>();
    row.set(name, (row.get(name) ?? 0) + value);
    map.set(day, row);
  };
  for (const { key, event } of events) {
    const date = dateOf(event.at);
    const d = byDate.get(date) ?? { USD: 0, DIEM: 0 };
    d.USD += event.usd;
    d.DIEM += event.diem;
    byDate.set(date, d);
    const name = USAGE_MODELS[modelOf(event)]?.name ?? modelOf(event);
    const m = byModel.get(name) ?? { usd: 0, diem: 0, input: 0, output: 0, inUsd: 0, inDiem: 0 };
    const tokens = (event.promptTokens ?? 0) + (event.completionTokens ?? 0);
    const inputShare = tokens > 0 ? (event.promptTokens ?? 0) / tokens : 0;
    m.usd += event.usd;
    m.diem += event.diem;
    m.input += event.promptTokens ?? 0;
    m.output += event.completionTokens ?? 0;
    m.inUsd += event.usd * inputShare;
    m.inDiem += event.diem * inputShare;
    byModel.set(name, m);
    const k = byKey.get(key.id) ?? { key, usd: 0, diem: 0, units: 0 };
    k.usd += event.usd;
    k.diem += event.diem;
    k.units += tokens;
    byKey.set(key.id, k);
    add(modelDaily, dayStart(event.at), name, event.usd + event.diem);
    add(keyDaily, dayStart(event.at), key.description || key.last6Chars, event.usd + event.diem);
  }
  const spend = (a: { usd: number; diem: number }) => a.usd + a.diem;
  const models = [...byModel].sort((a, b) => spend(b[1]) - spend(a[1]));
  const keys = [...byKey.values()].sort((a, b) => spend(b) - spend(a));
  const topModels = models.slice(0, 8).map(([name]) => name);
  const topKeyNames = keys.slice(0, 8).map((k) => k.key.description || k.key.last6Chars);
  const daily = (map: Map<number, Map<string, number>>, top: string[]) =>
    [...map].sort((a, b) => a[0] - b[0]).map(([day, row]) => {
      const entry: Record<string, number> = { date: day };
      for (const name of top) if (row.has(name)) entry[name] = round(row.get(name) ?? 0);
      return entry;
    });
  return {
    lookback,
    byDate: [...byDate].sort((a, b) => b[0].localeCompare(a[0])).map(([date, t]) => ({ date, USD: round(t.USD), DIEM: round(t.DIEM) })),
    byModel: models.map(([name, m]) => {
      const row = { modelName: name, unitType: 'tokens', modelType: 'LLM', totalUsd: round(m.usd), totalDiem: round(m.diem), totalUnits: m.input + m.output };
      if (m.input === 0 || m.output === 0) return row;
      return {
        ...row,
        breakdown: [
          { type: 'Output', usd: round(m.usd - m.inUsd), diem: round(m.diem - m.inDiem), units: m.output },
          { type: 'Input', usd: round(m.inUsd), diem: round(m.inDiem), units: m.input },
        ],
      };
    }),
    byModelDaily: daily(modelDaily, topModels),
    topModels,
    byKey: keys.map((k) => ({ apiKeyId: k.key.id, description: k.key.description || k.key.last6Chars, totalUsd: round(k.usd), totalDiem: round(k.diem), totalUnits: k.units })),
    byKeyDaily: daily(keyDaily, topKeyNames),
    topKeyNames,
  };
}

export { DAY, dayStart };
