import { describe, expect, it } from 'vitest';
import { hostsNeeded } from '../../../lib/settings/host-permissions';
import { holdsClipboardRead, requestAccess } from '../../../lib/settings/permissions';
import { fakePermissions } from './fake-permissions';

const custom = hostsNeeded({ apiBaseUrl: 'https://api.example.com/api/v1', rpcUrl: 'https://rpc.example.org' });
const hosts = (needs: typeof custom) => ({ hosts: needs, clipboard: false });

describe('requestAccess: hosts', () => {
  it('asks for every new host in one prompt, from inside the gesture, and reports success', async () => {
    const permissions = fakePermissions();
    const answer = permissions.gesture(() => requestAccess(permissions, hosts(custom)));
    await expect(answer).resolves.toEqual({ missing: [], clipboard: 'not-asked' });
    expect(permissions.prompts).toEqual([['https://api.example.com/*', 'https://example.com/*', 'https://rpc.example.org/*']]);
    expect(permissions.held.has('https://rpc.example.org/*')).toBe(true);
  });

  it('passes without a prompt for hosts the manifest already grants', async () => {
    const permissions = fakePermissions();
    const needs = hostsNeeded({ apiBaseUrl: 'https://api.venice.ai/api/v1', rpcUrl: 'https://mainnet.base.org' });
    await expect(permissions.gesture(() => requestAccess(permissions, hosts(needs)))).resolves.toEqual({ missing: [], clipboard: 'not-asked' });
    expect(permissions.prompts).toEqual([]);
  });

  it('names every host still missing when the person says no', async () => {
    const permissions = fakePermissions();
    permissions.answer = 'deny';
    const answer = await permissions.gesture(() => requestAccess(permissions, hosts(custom)));
    expect(answer).toEqual({ missing: custom, clipboard: 'not-asked' });
  });

  it('names only the hosts not held when the request cannot be made outside a gesture', async () => {
    const permissions = fakePermissions({ granted: ['https://example.com/*'] });
    const answer = await requestAccess(permissions, hosts(custom));
    expect(permissions.requests).toHaveLength(1);
    expect(answer.missing).toEqual([custom[0], custom[2]]);
  });

  it('accepts held hosts even when the browser refuses the request itself (no gesture)', async () => {
    const permissions = fakePermissions({ granted: ['http://127.0.0.1/*'] });
    const needs = hostsNeeded({ apiBaseUrl: 'http://127.0.0.1:9/api/v1' });
    await expect(requestAccess(permissions, hosts(needs))).resolves.toEqual({ missing: [], clipboard: 'not-asked' });
  });

  it('cannot get an http host outside the sandbox build: the manifest declares https only', async () => {
    const permissions = fakePermissions();
    const needs = hostsNeeded({ rpcUrl: 'http://127.0.0.1:8545' });
    await expect(permissions.gesture(() => requestAccess(permissions, hosts(needs)))).resolves.toEqual({ missing: needs, clipboard: 'not-asked' });
    expect(permissions.prompts).toEqual([]);
  });

  it('survives a permissions API that throws instead of rejecting', async () => {
    const throwing = {
      request: () => { throw new Error('permissions.request may only be called from a user input handler'); },
      contains: () => { throw new Error('no'); },
    };
    await expect(requestAccess(throwing, { hosts: custom, clipboard: true })).resolves.toEqual({ missing: custom, clipboard: 'refused' });
  });

  it('makes no request at all when nothing is needed', async () => {
    const permissions = fakePermissions();
    await expect(requestAccess(permissions, hosts([]))).resolves.toEqual({ missing: [], clipboard: 'not-asked' });
    expect(permissions.requests).toEqual([]);
  });
});

describe('requestAccess: clipboardRead', () => {
  it('asks for it in the same single request as the hosts', async () => {
    const permissions = fakePermissions();
    const answer = await permissions.gesture(() => requestAccess(permissions, { hosts: custom.slice(2), clipboard: true }));
    expect(answer).toEqual({ missing: [], clipboard: 'granted' });
    expect(permissions.requests).toEqual([['https://rpc.example.org/*', 'clipboardRead']]);
    await expect(holdsClipboardRead(permissions)).resolves.toBe(true);
  });

  it('asks for it alone, with no origins', async () => {
    const permissions = fakePermissions();
    await expect(permissions.gesture(() => requestAccess(permissions, { hosts: [], clipboard: true }))).resolves.toEqual({ missing: [], clipboard: 'granted' });
    expect(permissions.requests).toEqual([['clipboardRead']]);
  });

  it('reports it refused, apart from hosts that were already held', async () => {
    const permissions = fakePermissions();
    permissions.answer = 'deny';
    const needs = hostsNeeded({ rpcUrl: 'https://mainnet.base.org' });
    const answer = await permissions.gesture(() => requestAccess(permissions, { hosts: needs, clipboard: true }));
    expect(permissions.prompts).toEqual([['clipboardRead']]);
    expect(answer).toEqual({ missing: [], clipboard: 'refused' });
    await expect(holdsClipboardRead(permissions)).resolves.toBe(false);
  });

  it('reports both when the person refuses a prompt for a host and the clipboard', async () => {
    const permissions = fakePermissions();
    permissions.answer = 'deny';
    const answer = await permissions.gesture(() => requestAccess(permissions, { hosts: custom, clipboard: true }));
    expect(answer).toEqual({ missing: custom, clipboard: 'refused' });
  });

  it('is granted without a prompt when already held, even outside a gesture', async () => {
    const permissions = fakePermissions({ granted: ['clipboardRead'] });
    await expect(requestAccess(permissions, { hosts: [], clipboard: true })).resolves.toEqual({ missing: [], clipboard: 'granted' });
    expect(permissions.prompts).toEqual([]);
  });
});
