import { describe, expect, it } from 'vitest';
import { hostNeed, hostsNeeded, requestHosts } from '../../../lib/settings/host-permissions';
import { fakePermissions } from './fake-permissions';

describe('hostsNeeded', () => {
  it('asks for the API host and the origin where wallets sign, and the RPC host', () => {
    expect(hostsNeeded({ apiBaseUrl: 'https://api.example.com/api/v1', rpcUrl: 'https://base.g.alchemy.com/v2/abc' })).toEqual([
      { field: 'apiBaseUrl', host: 'api.example.com', pattern: 'https://api.example.com/*' },
      { field: 'apiBaseUrl', host: 'example.com', pattern: 'https://example.com/*' },
      { field: 'rpcUrl', host: 'base.g.alchemy.com', pattern: 'https://base.g.alchemy.com/*' },
    ]);
  });

  it('leaves the port out (Firefox refuses it in a pattern; Chrome then matches every port) and names a host once', () => {
    expect(hostsNeeded({ apiBaseUrl: 'http://127.0.0.1:8787/api/v1' })).toEqual([
      { field: 'apiBaseUrl', host: '127.0.0.1', pattern: 'http://127.0.0.1/*' },
    ]);
    expect(hostNeed('rpcUrl', 'https://rpc.example:8545')).toEqual({ field: 'rpcUrl', host: 'rpc.example', pattern: 'https://rpc.example/*' });
  });

  it('needs nothing when no address changed', () => {
    expect(hostsNeeded({})).toEqual([]);
  });
});

describe('requestHosts', () => {
  const custom = hostsNeeded({ apiBaseUrl: 'https://api.example.com/api/v1', rpcUrl: 'https://rpc.example.org' });

  it('asks for every new host in one prompt, from inside the gesture, and reports success', async () => {
    const permissions = fakePermissions();
    const answer = permissions.gesture(() => requestHosts(permissions, custom));
    await expect(answer).resolves.toEqual({ ok: true });
    expect(permissions.prompts).toEqual([['https://api.example.com/*', 'https://example.com/*', 'https://rpc.example.org/*']]);
    expect(permissions.held.has('https://rpc.example.org/*')).toBe(true);
  });

  it('passes without a prompt for hosts the manifest already grants', async () => {
    const permissions = fakePermissions();
    const needs = hostsNeeded({ apiBaseUrl: 'https://api.venice.ai/api/v1', rpcUrl: 'https://mainnet.base.org' });
    await expect(permissions.gesture(() => requestHosts(permissions, needs))).resolves.toEqual({ ok: true });
    expect(permissions.prompts).toEqual([]);
  });

  it('names every host still missing when the person says no', async () => {
    const permissions = fakePermissions();
    permissions.answer = 'deny';
    const answer = await permissions.gesture(() => requestHosts(permissions, custom));
    expect(answer).toEqual({ ok: false, missing: custom });
  });

  it('names only the hosts not held when the request cannot be made outside a gesture', async () => {
    const permissions = fakePermissions({ granted: ['https://example.com/*'] });
    const answer = await requestHosts(permissions, custom);
    expect(permissions.requests).toHaveLength(1);
    expect(answer).toEqual({ ok: false, missing: [custom[0], custom[2]] });
  });

  it('accepts held hosts even when the browser refuses the request itself (no gesture)', async () => {
    const permissions = fakePermissions({ granted: ['http://127.0.0.1/*'] });
    await expect(requestHosts(permissions, hostsNeeded({ apiBaseUrl: 'http://127.0.0.1:9/api/v1' }))).resolves.toEqual({ ok: true });
  });

  it('cannot get an http host outside the sandbox build: the manifest declares https only', async () => {
    const permissions = fakePermissions();
    const needs = hostsNeeded({ rpcUrl: 'http://127.0.0.1:8545' });
    await expect(permissions.gesture(() => requestHosts(permissions, needs))).resolves.toEqual({ ok: false, missing: needs });
    expect(permissions.prompts).toEqual([]);
  });

  it('survives a permissions API that throws instead of rejecting', async () => {
    const throwing = {
      request: () => { throw new Error('permissions.request may only be called from a user input handler'); },
      contains: () => Promise.resolve(false),
    };
    await expect(requestHosts(throwing, custom)).resolves.toEqual({ ok: false, missing: custom });
  });

  it('needs no request at all for no hosts', async () => {
    const permissions = fakePermissions();
    await expect(requestHosts(permissions, [])).resolves.toEqual({ ok: true });
    expect(permissions.requests).toEqual([]);
  });
});
