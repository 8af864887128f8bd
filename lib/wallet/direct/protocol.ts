/**
 * The direct path's small shared vocabulary, importable by the background without pulling
 * in MetaMask's stream packages (those live only in ./metamask-port.ts, in a document).
 */
export const DIRECT_METHODS = ['eth_requestAccounts', 'eth_accounts', 'eth_chainId', 'personal_sign'] as const;
export type DirectMethod = (typeof DIRECT_METHODS)[number];
export const isDirectMethod = (method: unknown): method is DirectMethod => DIRECT_METHODS.includes(method as DirectMethod);

/** A host's answer: MetaMask's result, its EIP-1193 error, or no MetaMask installed. */
export type DirectReply = { ok: true; value: unknown } | { ok: false; code: number; message: string } | { ok: false; absent: true };

/** The private runtime port between the background and the document that holds the connection. */
export const DIRECT_PORT = 'direct-wallet';
