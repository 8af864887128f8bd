// Property test of the mint runner (lib/mint/runner.ts) over fake ports: any interleaving of the
// person's clicks (two at once included), restarts of the background, vault locks, and any mix
// of wallet, Venice and vault outcomes keeps the promises the flow makes: a token is signed at
// most once, a mint request only with a fresh signature, at most one request per Mint click (plus
// the one renewal after "JWT has expired"), no secret in any stored state, never stuck.
import { it } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { createMintRunner } from '../../../lib/mint/runner';
import { isBusy, type MintState } from '../../../lib/mint/state';
import { OPTIONS } from './fixtures';
import { fail, fakeDeps, SECRET, SIGNATURE } from './fakes';

type Action = 'start' | 'confirm' | 'double-confirm' | 'cancel' | 'retry' | 'reveal' | 'restart' | 'lock' | 'advance';
/** Weighted towards Connect and Mint, so most runs get as far as minting. */
const action = fc.constantFrom<Action>(
  'start', 'start', 'start', 'confirm', 'confirm', 'confirm', 'confirm', 'double-confirm', 'retry', 'retry', 'cancel', 'reveal', 'restart', 'lock', 'advance',
);
const outcomes = fc.record({
  sign: fc.array(fc.constantFrom('ok', 'ok', 'WALLET_REJECTED', 'WALLET_ACCOUNT_CHANGED' as const), { maxLength: 8 }),
  mint: fc.array(fc.constantFrom('ok', 'ok', 'JWT_EXPIRED', 'NETWORK_ERROR', 'NO_STAKED_VVV' as const), { maxLength: 8 }),
  save: fc.array(fc.constantFrom('ok', 'STORAGE_FULL', 'VAULT_LOCKED' as const), { maxLength: 8 }),
});
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('mint runner (property)', () => {
  it.prop([fc.array(action, { minLength: 1, maxLength: 25 }), outcomes], { numRuns: 200 })(
    'any clicks, restarts and outcomes: one signature per token, one request per signature and per click, no secret stored, never stuck',
    async (actions, script) => {
      const fake = fakeDeps();
      let jwtExpired = 0;
      fake.script.sign.push(...script.sign.map((o) => (o === 'ok' ? SIGNATURE : fail(o))));
      fake.script.mint.push(
        ...script.mint.map((o) => {
          if (o === 'ok') return () => Promise.resolve({ apiKey: SECRET, id: 'venice-x', apiKeyType: 'INFERENCE' as const, description: 'Test', expiresAt: null });
          return () => {
            if (o === 'JWT_EXPIRED') jwtExpired += 1;
            return Promise.reject(fail(o));
          };
        }),
      );
      fake.script.save.push(...script.save.map((o) => (o === 'ok' ? { id: 'record-ok', last6: SECRET.slice(-6) } : fail(o))));
      const states: MintState[] = [];
      fake.watch((s) => states.push(s));

      let runner = createMintRunner(fake.deps);
      let clicks = 0;
      for (const a of actions) {
        if (a === 'start') await runner.start();
        else if (a === 'confirm' || a === 'double-confirm') {
          clicks += 1;
          await (a === 'confirm' ? runner.confirm(OPTIONS) : Promise.all([runner.confirm(OPTIONS), runner.confirm(OPTIONS)]));
        } else if (a === 'cancel') await runner.cancel();
        else if (a === 'retry') await runner.retry();
        else if (a === 'reveal') await runner.reveal();
        else if (a === 'lock') await runner.onVaultLocked();
        else if (a === 'advance') fake.clock.advance(60_000);
        else {
          runner = createMintRunner(fake.deps); // the background restarted: memory gone, storage kept
          await runner.restore();
        }
        await settle();
      }

      const { signs, posts } = fake.calls;
      expect(new Set(signs).size).toBe(signs.length); // a token is signed once
      for (const post of posts) expect(signs).toContain(post.token); // only signed tokens are sent
      expect(new Set(posts.map((p) => p.token)).size).toBe(posts.length); // one request per signature
      expect(posts.length).toBeLessThanOrEqual(clicks + jwtExpired); // one per click, plus a renewal
      for (const state of states) {
        const json = JSON.stringify(state);
        expect(json).not.toContain(SECRET);
        expect(json).not.toContain(SIGNATURE);
        expect(json).not.toMatch(/eyJ/);
      }
      // Never stuck: every step has run its course; whatever is still busy ends at a restart.
      const after = await createMintRunner(fake.deps).restore();
      expect(isBusy(after)).toBe(false);
    },
  );
});
