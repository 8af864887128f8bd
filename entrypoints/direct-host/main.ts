/**
 * Firefox's home for the direct MetaMask connection. Firefox has no offscreen document, and
 * MetaMask's stream packages in the event page itself would weigh on every wake of it (the
 * background's budget, test/bench/sizes.ts): so the same host as Chrome's offscreen document
 * (../offscreen/direct-host.ts) runs in this extension page, which the background frames in
 * its own document when the direct path is first used (entrypoints/background/direct-port.ts).
 * It lives as long as the event page.
 */
import { listenForDirectWallet } from '../offscreen/direct-host';

listenForDirectWallet();
