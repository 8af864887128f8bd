// @vitest-environment happy-dom
// What the progress line says depends on where the wallet asks: MetaMask's own window on the
// direct path, the signing tab inside venice.ai's page on the tab path.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MintProgress } from '../../../components/MintProgress';
import { DIRECT_WALLET_REF } from '../../../lib/mint/direct-wallet-ref';
import type { MintState } from '../../../lib/mint/state';
import { useEnglish } from '../vault/english';
import { S } from './fixtures';

type Busy = Extract<MintState, { status: 'connecting' | 'awaiting-signature' | 'minting' }>;
const said = (state: Busy) => {
  render(<MintProgress state={state} onCancel={() => undefined} />);
  const text = screen.getByTestId('mint-progress').textContent;
  cleanup();
  return text;
};
const signing = S.signing as Busy & { status: 'awaiting-signature' };

describe('MintProgress', () => {
  beforeEach(() => useEnglish());
  afterEach(cleanup);

  it('on the tab path, says the request waits in the signing tab inside venice.ai\'s page', () => {
    expect(said({ ...signing, ctx: { ...signing.ctx, wallet: 'io.rabby' } })).toContain("inside venice.ai's page");
    expect(said({ ...S.connecting, walletId: 'io.rabby' } as Busy)).toContain('signing tab');
  });

  it('on the direct path, says MetaMask\'s own window and that no page takes part', () => {
    expect(said({ ...signing, ctx: { ...signing.ctx, wallet: DIRECT_WALLET_REF } })).toBe("Sign the request in MetaMask's own window. No web page takes part.");
    expect(said({ ...S.connecting, walletId: DIRECT_WALLET_REF } as Busy)).toContain("MetaMask's own window");
  });

  it('a first connect names no path: it does not know yet which one answers', () => {
    const text = said({ ...S.connecting, walletId: undefined } as Busy);
    expect(text).toBe('Connecting your wallet… Approve the request in your wallet.');
  });
});
