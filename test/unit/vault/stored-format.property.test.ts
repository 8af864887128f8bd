// Property test of the vault's stored format (lib/vault): any byte-level corruption of one
// stored key record (a character of its JSON, or a bit of its ciphertext) is detected and
// reported: the record is listed as damaged, opening it fails with a typed error, and every
// other record still opens. fast-check prints the seed and the corruption on a failure.
import { it } from '@fast-check/vitest';
import fc from 'fast-check';
import { beforeAll, describe, expect } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AppException } from '../../../lib/errors';
import { fromBase64, toBase64 } from '../../../lib/vault/encoding';
import type { StoredVault } from '../../../lib/vault/format';
import { createVault } from '../../../lib/vault/vault';
import { FAST_ITERATIONS, fakeSecret, freshVault, META, PASS, vaultItems } from './helpers';

const COUNT = 3;
let snapshot: { local: Record<string, unknown>; session: Record<string, unknown> };
let keys: { id: string; secret: string }[];

/** The stored vault after one corruption of record `index`; undefined when it changed nothing. */
type Corruption = { index: number; kind: 'json'; at: number; char: string } | { index: number; kind: 'ciphertext'; at: number; bit: number };

function corrupt(vault: StoredVault, c: Corruption): StoredVault | undefined {
  const records = [...vault.records];
  const record = records[c.index] as Record<string, unknown> & { secret: { ct: string } };
  let next: unknown;
  if (c.kind === 'json') {
    const json = JSON.stringify(record);
    const at = c.at % json.length;
    const changed = json.slice(0, at) + c.char + json.slice(at + 1);
    if (changed === json) return undefined;
    try {
      next = JSON.parse(changed);
    } catch {
      next = changed; // no longer JSON: what is left is a string where a record was
    }
  } else {
    const ct = fromBase64(record.secret.ct);
    const at = c.at % ct.length;
    ct[at] = ct[at]! ^ (1 << c.bit);
    next = { ...record, secret: { ...record.secret, ct: toBase64(ct) } };
  }
  records[c.index] = next;
  return { ...vault, records };
}

const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  fc.record({ index: fc.nat(COUNT - 1), kind: fc.constant('json' as const), at: fc.nat(), char: fc.oneof(fc.string({ minLength: 1, maxLength: 1 }), fc.constantFrom('"', '{', '}', ',', ':', '0', '1', 'a', 'A', '\\', ' ')) }),
  fc.record({ index: fc.nat(COUNT - 1), kind: fc.constant('ciphertext' as const), at: fc.nat(), bit: fc.nat(7) }),
);

describe('vault stored format (property)', () => {
  beforeAll(async () => {
    const { vault } = freshVault();
    await vault.setup(PASS, PASS);
    keys = [];
    for (let i = 0; i < COUNT; i += 1) {
      const secret = fakeSecret(i === 1 ? 'ADMIN' : 'INFERENCE');
      keys.push({ id: (await vault.saveKey({ ...META, description: `key ${i}`, limits: { usd: i, diem: null } }, secret)).id, secret });
    }
    snapshot = { local: await fakeBrowser.storage.local.get(null), session: await fakeBrowser.storage.session.get(null) };
  });

  it.prop([corruption], { numRuns: 200 })('a corrupted record is reported and refused with a typed error; the others still open', async (c) => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set(structuredClone(snapshot.local));
    await fakeBrowser.storage.session.set(structuredClone(snapshot.session));
    const items = vaultItems();
    const stored = (await items.vault.getValue()) as StoredVault;
    const corrupted = corrupt(stored, c);
    if (!corrupted) return;
    await items.vault.setValue(corrupted);
    const vault = createVault(items, { iterations: FAST_ITERATIONS });

    const status = await vault.status();
    if (status.state !== 'unlocked') throw new Error(`expected an unlocked vault, got ${status.state}`);
    const others = keys.filter((_, i) => i !== c.index);
    expect(status.records.map((r) => r.id)).toEqual(others.map((k) => k.id));
    expect(status.damaged).toHaveLength(1);
    for (const other of others) await expect(vault.reveal(other.id)).resolves.toBe(other.secret);

    const damaged = status.damaged[0]!;
    const refused = await vault.reveal(damaged.id).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppException);
    expect(['VAULT_RECORD_DAMAGED', 'VAULT_RECORD_CHANGED']).toContain((refused as AppException).code);
    expect(JSON.stringify(refused)).not.toContain(keys[c.index]!.secret.slice(-12));
  });
});
