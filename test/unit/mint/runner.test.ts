import { describe, expect, it, vi } from 'vitest';
import { createMintRunner } from '../../../lib/mint/runner';
import type { MintState } from '../../../lib/mint/state';
import { ADDRESS, OPTIONS, S } from './fixtures';
import { deferred, fail, fakeDeps, SECRET, SIGNATURE } from './fakes';

import { connected, until } from './runner-steps';

const noSecrets = (state: MintState) => {
  const json = JSON.stringify(state);
  expect(json).not.toContain(SECRET);
  expect(json).not.toContain(SIGNATURE);
  expect(json).not.toMatch(/eyJ/);
};

describe('mint runner', () => {
  it('connects, prefetches the token, mints once and saves before showing the key', async () => {
    const { fake, runner } = await connected();
    const ready = fake.state();
    expect(ready).toMatchObject({ status: 'ready', ctx: { address: ADDRESS, eligibility: { eligible: true, staked: '5' } } });
    expect(fake.calls.tokens).toHaveLength(1); // fetched before the click

    await runner.confirm(OPTIONS);
    const saved = await until(fake, 'saved');

    expect(fake.calls.posts).toHaveLength(1);
    expect(fake.calls.posts[0]).toEqual({ ...OPTIONS, address: ADDRESS, signature: SIGNATURE, token: fake.calls.tokens[0] });
    expect(fake.calls.signs).toEqual([fake.calls.tokens[0]]);
    expect(fake.calls.saves).toHaveLength(1);
    expect(saved).toMatchObject({ key: { recordId: 'record-1', last6: SECRET.slice(-6), veniceId: 'venice-1' } });
    expect(fake.calls.polls).toBe(1);
    noSecrets(saved);
    await expect(runner.reveal()).resolves.toBeUndefined();
  });

  it('releases the signing tab once the key is saved, and not while the flow can still go on', async () => {
    const { fake, runner } = await connected();
    expect(fake.calls.releases).toBe(0);
    fake.script.sign.push(fail('WALLET_REJECTED'));
    await runner.confirm(OPTIONS);
    await until(fake, 'failed');
    expect(fake.calls.releases).toBe(0); // a retry reuses the tab
    await runner.retry();
    await until(fake, 'ready');
    await runner.confirm(OPTIONS);
    await until(fake, 'saved');
    await vi.waitFor(() => expect(fake.calls.releases).toBe(1));
  });

  it('shows no key before the vault write has finished', async () => {
    const fake = fakeDeps();
    const write = deferred<{ id: string; last6: string }>();
    fake.script.save.push(() => write.promise);
    const { runner } = await connected(fake);
    await runner.confirm(OPTIONS);
    await vi.waitFor(() => expect(fake.calls.saves).toHaveLength(1));
    expect(fake.state().status).toBe('minting');
    write.resolve({ id: 'record-x', last6: 'ZYX987' });
    await until(fake, 'saved');
  });

  it('mints once for repeated clicks and a second popup', async () => {
    const fake = fakeDeps();
    const signature = deferred<string>();
    fake.script.sign.push(() => signature.promise);
    const runner = createMintRunner(fake.deps);
    await Promise.all([runner.start(), runner.start(), runner.start()]);
    await until(fake, 'ready');
    expect(fake.calls.connects).toBe(1);

    const clicks = await Promise.all([runner.confirm(OPTIONS), runner.confirm(OPTIONS), runner.start(), runner.confirm(OPTIONS)]);
    expect(clicks.map((s) => s.status)).toEqual(['awaiting-signature', 'awaiting-signature', 'awaiting-signature', 'awaiting-signature']);
    signature.resolve(SIGNATURE);
    await until(fake, 'saved');
    await runner.confirm(OPTIONS); // a click after the end does not mint again either
    await runner.start();
    expect(fake.calls.signs).toHaveLength(1);
    expect(fake.calls.posts).toHaveLength(1);
    expect(fake.calls.saves).toHaveLength(1);
  });

  it('after "JWT has expired", gets one new token and signature, once', async () => {
    const fake = fakeDeps();
    fake.script.mint.push(fail('JWT_EXPIRED'));
    const { runner } = await connected(fake);
    await runner.confirm(OPTIONS);
    await until(fake, 'saved');
    expect(fake.calls.posts).toHaveLength(2);
    expect(fake.calls.signs).toHaveLength(2);
    expect(fake.calls.posts[1]!.token).not.toBe(fake.calls.posts[0]!.token);
    expect(fake.calls.signs[1]).toBe(fake.calls.posts[1]!.token);
  });

  it('gives up after a second "JWT has expired": two posts, never three', async () => {
    const fake = fakeDeps();
    fake.script.mint.push(fail('JWT_EXPIRED'), fail('JWT_EXPIRED'), fail('JWT_EXPIRED'));
    const { runner } = await connected(fake);
    await runner.confirm(OPTIONS);
    const failed = await until(fake, 'failed');
    expect(failed).toMatchObject({ error: { code: 'JWT_EXPIRED', action: 'new_token' } });
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.calls.posts).toHaveLength(2);
  });

  it('posts nothing when the person declines in the wallet, and retry gets a fresh token', async () => {
    const fake = fakeDeps();
    fake.script.sign.push(fail('WALLET_REJECTED'));
    const { runner } = await connected(fake);
    await runner.confirm(OPTIONS);
    const failed = await until(fake, 'failed');
    expect(failed).toMatchObject({ error: { code: 'WALLET_REJECTED', action: 'retry' } });
    expect(fake.calls.posts).toHaveLength(0);

    const tokensBefore = fake.calls.tokens.length;
    expect((await runner.retry()).status).toBe('ready');
    await vi.waitFor(() => expect(fake.calls.tokens.length).toBe(tokensBefore + 1));
    await runner.confirm(OPTIONS);
    await until(fake, 'saved');
    expect(fake.calls.posts).toHaveLength(1);
    expect(fake.calls.posts[0]!.token).toBe(fake.calls.tokens.at(-1));
  });

  it('keeps a key whose vault write failed in memory only, shows it, and can save it later', async () => {
    const fake = fakeDeps();
    fake.script.save.push(fail('VAULT_STORAGE_FAILED'));
    const { runner } = await connected(fake);
    await runner.confirm(OPTIONS);
    const unstored = await until(fake, 'saved-unstored');
    expect(unstored).toMatchObject({ error: { code: 'VAULT_STORAGE_FAILED' }, key: { last6: SECRET.slice(-6) } });
    noSecrets(unstored);
    await expect(runner.reveal()).resolves.toBe(SECRET);
    expect(fake.calls.posts).toHaveLength(1);

    await runner.retry(); // "Try saving again"
    await until(fake, 'saved');
    expect(fake.calls.saves).toHaveLength(2);
    expect(fake.calls.posts).toHaveLength(1);
    await expect(runner.reveal()).resolves.toBeUndefined();
  });

  it('forgets an unsaved key once the person dismisses it', async () => {
    const fake = fakeDeps();
    fake.script.save.push(fail('VAULT_STORAGE_FAILED'));
    const { runner } = await connected(fake);
    await runner.confirm(OPTIONS);
    await until(fake, 'saved-unstored');
    await runner.cancel();
    expect(fake.state().status).toBe('idle');
    await expect(runner.reveal()).resolves.toBeUndefined();
  });

  it('drops an unsaved key from memory when the vault is locked after it was shown', async () => {
    const fake = fakeDeps();
    fake.script.save.push(fail('VAULT_STORAGE_FAILED'));
    const { runner } = await connected(fake);
    await runner.confirm(OPTIONS);
    await until(fake, 'saved-unstored');
    await expect(runner.reveal()).resolves.toBe(SECRET);
    await runner.onVaultLocked();
    await expect(runner.reveal()).resolves.toBeUndefined();
    const state = fake.state();
    expect(state).toMatchObject({ status: 'failed', error: { action: 'check_key', detail: `Key ending in ${SECRET.slice(-6)}` } });
    noSecrets(state);
    await runner.retry(); // nothing left to save: no second save, no second mint
    expect(fake.calls.saves).toHaveLength(1);
    expect(fake.calls.posts).toHaveLength(1);
  });

  it('keeps an unsaved key that was never shown when the vault is locked', async () => {
    const fake = fakeDeps();
    fake.script.save.push(fail('VAULT_STORAGE_FAILED'));
    const { runner } = await connected(fake);
    await runner.confirm(OPTIONS);
    await until(fake, 'saved-unstored');
    await runner.onVaultLocked();
    expect(fake.state().status).toBe('saved-unstored');
    await expect(runner.reveal()).resolves.toBe(SECRET);
  });

  it('after a restart in minting, fails with "check your keys" and never re-sends', async () => {
    const fake = fakeDeps();
    fake.setState(S.minting);
    const runner = createMintRunner(fake.deps);
    const state = await runner.restore();
    expect(state).toMatchObject({ status: 'failed', from: 'minting', error: { action: 'check_key' } });
    expect(state.status === 'failed' && state.error.message).toMatch(/check your keys/i);
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.calls.posts).toHaveLength(0);
    expect(fake.calls.signs).toHaveLength(0);
  });

  it('after a restart while waiting for the wallet, fails with a retry and asks nothing by itself', async () => {
    const fake = fakeDeps();
    fake.setState(S.signing);
    const runner = createMintRunner(fake.deps);
    expect(await runner.restore()).toMatchObject({ status: 'failed', error: { code: 'ABORTED', action: 'retry' } });
    expect(fake.calls.signs).toHaveLength(0);
    expect((await runner.retry()).status).toBe('ready');
  });

  it('after a restart in saved-unstored, says the key is lost and must be revoked', async () => {
    const fake = fakeDeps();
    fake.setState(S.unstored);
    const runner = createMintRunner(fake.deps);
    expect(await runner.restore()).toMatchObject({ status: 'failed', error: { action: 'check_key', detail: 'Key ending in abc123' } });
    await expect(runner.reveal()).resolves.toBeUndefined();
  });

  it('after a restart in ready, fetches a new token (the old one lived in memory)', async () => {
    const fake = fakeDeps();
    fake.setState(S.ready);
    const runner = createMintRunner(fake.deps);
    await runner.restore();
    await vi.waitFor(() => expect(fake.calls.tokens).toHaveLength(1));
    await vi.waitFor(() => expect(fake.state()).toMatchObject({ status: 'ready', tokenExpiresAt: expect.any(Number) }));
  });

  it('asks for the passphrase before it asks the wallet', async () => {
    const fake = fakeDeps();
    fake.script.vault = 'locked';
    const runner = createMintRunner(fake.deps);
    expect(await runner.start()).toMatchObject({ status: 'needs-unlock', vault: 'locked' });
    expect(fake.calls.connects).toBe(0);
    fake.script.vault = 'unlocked';
    await runner.start(); // the popup calls start again after unlocking
    await until(fake, 'ready');
    expect(fake.calls.connects).toBe(1);
  });

  it('asks for the passphrase again if the vault locked itself before the Mint click', async () => {
    const { fake, runner } = await connected();
    fake.script.vault = 'locked';
    expect(await runner.confirm(OPTIONS)).toMatchObject({ status: 'needs-unlock', resume: 'ready' });
    expect(fake.calls.signs).toHaveLength(0);
  });

  it('refuses options the mint body schema refuses, before asking the wallet', async () => {
    const { fake, runner } = await connected();
    await expect(runner.confirm({ apiKeyType: 'INFERENCE', description: 'x'.repeat(65) })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(runner.confirm({ apiKeyType: 'ROOT' })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    expect(fake.state().status).toBe('ready');
    expect(fake.calls.signs).toHaveLength(0);
  });
});
