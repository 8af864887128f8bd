// Sandbox Wallet: an EIP-6963 browser wallet for the sandbox signing page, so the extension
// can be driven end to end with no real wallet installed. Plain JS, no build step.
// Every request waits for a visible Approve / Reject (or ?autoApprove=1); keys stay in the
// sandbox server, which signs through POST /__sandbox/wallet/sign (test/sandbox/api/wallet-sign.ts).
// URL options: ?wallet=staked|liquid|empty|contract  ?autoApprove=1  ?locked=1  ?legacy=1 (window.ethereum only).
// wallet, autoApprove and locked are remembered (localStorage), so a page the extension opens at "/"
// keeps what a demo or test chose by visiting e.g. /?autoApprove=1&wallet=liquid once.
/* global window, document, location, localStorage, fetch, crypto, CustomEvent, Option, TextDecoder, URLSearchParams */
(() => {
  'use strict';
  const WALLETS = ['staked', 'liquid', 'empty', 'contract'];
  const CHAIN_ID = '0x2105'; // Base, 8453
  const params = new URLSearchParams(location.search);
  const STORE = 'sandbox-wallet-settings';
  const saved = (() => {
    try {
      return JSON.parse(localStorage.getItem(STORE) || '{}');
    } catch {
      return {};
    }
  })();
  const option = (name) => (params.has(name) ? params.get(name) : saved[name]);
  const state = {
    wallet: WALLETS.includes(option('wallet')) ? option('wallet') : 'staked',
    autoApprove: option('autoApprove') === '1',
    locked: option('locked') === '1',
    connected: false,
    address: null,
    pending: new Set(),
  };
  const handlers = new Map();
  const save = () =>
    localStorage.setItem(
      STORE,
      JSON.stringify({ wallet: state.wallet, autoApprove: state.autoApprove ? '1' : '0', locked: state.locked ? '1' : '0' }),
    );
  save();

  const rpcError = (code, message) => Object.assign(new Error(message), { code });
  const emit = (event, value) => (handlers.get(event) || new Set()).forEach((handler) => handler(value));

  async function askSandbox(message) {
    const response = await fetch('/__sandbox/wallet/sign', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message === undefined ? { wallet: state.wallet } : { wallet: state.wallet, message }),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw rpcError(-32603, body.error || `sandbox wallet: HTTP ${response.status}`);
    return body;
  }

  // ---- the page UI ------------------------------------------------------------------
  const panel = document.createElement('section');
  panel.id = 'sandbox-wallet';
  panel.setAttribute('aria-label', 'Sandbox Wallet');
  panel.innerHTML = `
    <h2>Sandbox Wallet</h2>
    <p><label>Account <select data-testid="sandbox-wallet-select"></select></label>
       <label><input type="checkbox" data-testid="sandbox-wallet-locked"> Locked</label>
       <label><input type="checkbox" data-testid="sandbox-wallet-auto"> Approve automatically</label></p>
    <p data-testid="sandbox-wallet-address">Not connected.</p>
    <ul data-testid="sandbox-wallet-requests" aria-live="polite"></ul>`;
  const select = panel.querySelector('select');
  const lockedBox = panel.querySelector('[data-testid="sandbox-wallet-locked"]');
  const autoBox = panel.querySelector('[data-testid="sandbox-wallet-auto"]');
  const addressLine = panel.querySelector('[data-testid="sandbox-wallet-address"]');
  const list = panel.querySelector('ul');
  for (const name of WALLETS) select.add(new Option(name, name, false, name === state.wallet));
  lockedBox.checked = state.locked;
  autoBox.checked = state.autoApprove;
  const showAddress = () => {
    addressLine.textContent = state.connected && state.address ? `Connected: ${state.address}` : 'Not connected.';
  };

  /** Shows a request with Approve / Reject buttons; resolves true on approve. */
  function approval(method, text) {
    if (state.autoApprove) return Promise.resolve(true);
    return new Promise((resolve) => {
      const item = document.createElement('li');
      item.dataset.method = method;
      const label = document.createElement('span');
      label.textContent = `${text} `;
      const approve = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Approve' });
      const reject = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Reject' });
      approve.dataset.action = 'approve';
      reject.dataset.action = 'reject';
      const answer = (value) => {
        item.remove();
        resolve(value);
      };
      approve.addEventListener('click', () => answer(true));
      reject.addEventListener('click', () => answer(false));
      item.append(label, approve, reject);
      list.append(item);
    });
  }

  /** One request of each method at a time, like a real wallet (-32002 otherwise). */
  async function once(method, work) {
    if (state.pending.has(method)) throw rpcError(-32002, `A ${method} request is already pending`);
    state.pending.add(method);
    try {
      return await work();
    } finally {
      state.pending.delete(method);
    }
  }

  const preview = (hex) => {
    const text = new TextDecoder().decode(new Uint8Array(hex.slice(2).match(/../g).map((byte) => parseInt(byte, 16))));
    return `${text.length} characters, starting "${text.slice(0, 12)}…"`;
  };

  // ---- EIP-1193 ------------------------------------------------------------------------
  const provider = {
    isSandboxWallet: true,
    async request({ method, params: args = [] }) {
      switch (method) {
        case 'eth_chainId':
          return CHAIN_ID;
        case 'eth_accounts':
          return state.connected && !state.locked && state.address ? [state.address] : [];
        case 'eth_requestAccounts':
          return once(method, async () => {
            if (state.locked) throw rpcError(4100, 'The Sandbox Wallet is locked');
            if (state.connected && state.address) return [state.address];
            if (!(await approval(method, `Connect ${state.wallet} wallet to ${location.host}?`))) {
              throw rpcError(4001, 'User rejected the request.');
            }
            state.address = (await askSandbox()).address;
            state.connected = true;
            showAddress();
            emit('accountsChanged', [state.address]);
            return [state.address];
          });
        case 'personal_sign':
          return once(method, async () => {
            const [message, from] = args;
            if (state.locked || !state.connected) throw rpcError(4100, 'Not connected to this account');
            if (typeof message !== 'string' || !/^0x([0-9a-fA-F]{2})+$/.test(message)) throw rpcError(-32602, 'Invalid message');
            if (String(from).toLowerCase() !== String(state.address).toLowerCase()) throw rpcError(4100, 'Unknown account');
            if (!(await approval(method, `Sign a message (${preview(message)}) with ${state.wallet}?`))) {
              throw rpcError(4001, 'User rejected the request.');
            }
            return (await askSandbox(message)).signature;
          });
        default:
          throw rpcError(4200, `The Sandbox Wallet does not support ${method}`);
      }
    },
    on(event, handler) {
      if (!handlers.has(event)) handlers.set(event, new Set());
      handlers.get(event).add(handler);
      return provider;
    },
    removeListener(event, handler) {
      handlers.get(event)?.delete(handler);
      return provider;
    },
  };

  select.addEventListener('change', async () => {
    state.wallet = select.value;
    save();
    state.address = null;
    if (!state.connected) return showAddress();
    state.address = (await askSandbox()).address;
    showAddress();
    emit('accountsChanged', [state.address]);
  });
  lockedBox.addEventListener('change', () => {
    state.locked = lockedBox.checked;
    save();
    emit('accountsChanged', state.locked || !state.address ? [] : [state.address]);
  });
  autoBox.addEventListener('change', () => {
    state.autoApprove = autoBox.checked;
    save();
  });

  const icon =
    'data:image/svg+xml,' +
    encodeURIComponent(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#1f6feb"/>' +
        '<path d="M8 11h16v11H8z" fill="#fff"/><circle cx="20" cy="16.5" r="2" fill="#1f6feb"/></svg>',
    );
  const info = Object.freeze({ uuid: crypto.randomUUID(), name: 'Sandbox Wallet', icon, rdns: 'dev.venice-sandbox.wallet' });
  const announce = () =>
    window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: Object.freeze({ info, provider }) }));

  if (params.get('legacy') === '1') {
    window.ethereum = provider;
  } else {
    window.addEventListener('eip6963:requestProvider', announce);
    announce();
  }
  const mount = () => (document.querySelector('main') || document.body).append(panel);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
  else mount();
})();
