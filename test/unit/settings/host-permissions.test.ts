import { describe, expect, it } from 'vitest';
import { hostNeed, hostsNeeded } from '../../../lib/settings/host-permissions';

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
