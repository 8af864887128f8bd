import type { ErrorAction, ErrorCode } from './codes';

export interface ErrorEntry {
  /** One or two plain sentences a person understands; never contains request data. */
  message: string;
  action: ErrorAction;
}

/** The one error table of the project: each code, what to tell the person, and what helps. */
export const ERROR_TABLE: Readonly<Record<ErrorCode, ErrorEntry>> = {
  INVALID_WALLET_ADDRESS: { message: 'Venice did not accept the wallet address. Reconnect your wallet and try again.', action: 'reconnect_wallet' },
  JWT_EXPIRED: { message: 'The sign-in request expired before it was sent. Start again to get a fresh one.', action: 'new_token' },
  JWT_SIGNATURE_INVALID: { message: 'Venice did not recognise the sign-in request. Start again to get a fresh one.', action: 'new_token' },
  JWT_CLAIMS_INVALID: { message: 'The sign-in request was not meant for this use. Start again to get a fresh one.', action: 'new_token' },
  JWT_MALFORMED: { message: 'The sign-in request was damaged on the way. Start again to get a fresh one.', action: 'new_token' },
  WALLET_SIGNATURE_MISMATCH: { message: 'The signature does not belong to the selected wallet account. Start again and sign with the same account.', action: 'new_token' },
  WALLET_SIGNATURE_UNVERIFIED: { message: 'Venice could not check the signature just now. Wait a moment and try again.', action: 'retry_later' },
  NO_STAKED_VVV: { message: 'This wallet has no staked VVV on Base. Stake some VVV, then try again.', action: 'stake_vvv' },
  INVALID_REQUEST: { message: 'Venice did not accept some of the values sent. Check them and try again.', action: 'fix_input' },
  KEY_NOT_FOUND: { message: 'This API key no longer exists or has expired.', action: 'none' },
  KEY_DELETE_NOT_FOUND: { message: 'This API key could not be found. It may already be revoked.', action: 'none' },
  KEY_CAP_REACHED: { message: 'Your account already has the most active API keys allowed (500). Revoke some you no longer use.', action: 'none' },
  ADMIN_KEY_REQUIRED: { message: 'This needs an admin API key. The key in use can only run models.', action: 'use_admin_key' },
  AUTHENTICATION_FAILED: { message: 'Venice did not accept the API key. It may be wrong, revoked or expired.', action: 'check_key' },
  PAYMENT_REQUIRED: { message: 'No API key was sent with the request, so Venice asked for payment instead.', action: 'check_key' },
  INSUFFICIENT_BALANCE: { message: 'There is not enough balance to pay for this. Add credits or stake more VVV.', action: 'stake_vvv' },
  USD_SPEND_LIMIT_EXCEEDED: { message: 'This key has used up its USD spending limit. Raise the limit or wait for it to reset.', action: 'raise_limit' },
  DIEM_SPEND_LIMIT_EXCEEDED: { message: 'This key has used up its DIEM spending limit. Raise the limit or wait for it to reset.', action: 'raise_limit' },
  FORBIDDEN: { message: 'This key is not allowed to do that, for example because of its model privacy setting.', action: 'check_key' },
  API_ACCESS_DISABLED: { message: 'API access is turned off for this Venice account. Contact Venice support.', action: 'contact_support' },
  X402_WALLET_MISMATCH: { message: 'You can only see the balance of the wallet you signed in with.', action: 'reconnect_wallet' },
  X402_INVALID_SIGN_IN: { message: 'Venice did not accept the wallet sign-in. Sign in again.', action: 'retry' },
  RATE_LIMITED: { message: 'Too many requests for now. Wait a little and try again.', action: 'retry_later' },
  SERVER_ERROR: { message: 'Venice had a problem on its side. Try again in a little while.', action: 'retry_later' },
  SERVICE_UNAVAILABLE: { message: 'Venice is unavailable right now. Try again in a little while.', action: 'retry_later' },
  TIMEOUT: { message: 'Venice took too long to answer. Try again.', action: 'retry' },
  NETWORK_ERROR: { message: 'Could not reach Venice. Check your internet connection and try again.', action: 'retry' },
  ABORTED: { message: 'The request was cancelled.', action: 'none' },
  MALFORMED_RESPONSE: { message: 'Venice sent an answer this extension could not read. Try again later.', action: 'retry_later' },
  UNKNOWN: { message: 'Something went wrong. Try again.', action: 'retry' },
  WALLET_REJECTED: { message: 'The request was declined in your wallet.', action: 'retry' },
  WALLET_NOT_FOUND: { message: 'No browser wallet was found. Install one, such as MetaMask or Rabby, then try again.', action: 'install_wallet' },
  WALLET_CHOICE_NEEDED: { message: 'The wallet you connected before was not found. Choose one of the wallets below.', action: 'choose_wallet' },
  WALLET_LOOK_ALIKE: {
    message: 'Two wallets in the signing page use the same name or ID, so one may be imitating the other. Choose the wallet you trust below.',
    action: 'choose_wallet',
  },
  WALLET_REQUEST_PENDING: {
    message: 'A request is already waiting in your wallet. Open the wallet, answer or dismiss it, then try again.',
    action: 'reconnect_wallet',
  },
  WALLET_LOCKED: { message: 'Your wallet is locked. Unlock it in the wallet, then try again.', action: 'reconnect_wallet' },
  WALLET_ACCOUNT_CHANGED: { message: 'The account in your wallet changed during the process. Reconnect and start again.', action: 'reconnect_wallet' },
  WALLET_UNSUPPORTED_METHOD: { message: 'Your wallet cannot do this step. Try another wallet.', action: 'reconnect_wallet' },
  SIGNING_ORIGIN_NOT_ALLOWED: {
    message:
      "The extension is not allowed on its signing page, so it cannot reach your wallet. Allow its site access in the browser's settings.",
    action: 'retry',
  },
  SIGNING_TAB_CLOSED: { message: 'The signing tab was closed before the wallet finished. Try again.', action: 'retry' },
  SIGNATURE_LOCAL_MISMATCH: { message: 'The wallet signed with a different account than the one selected. Reconnect and try again.', action: 'reconnect_wallet' },
  RPC_UNREACHABLE: { message: 'Could not reach the Base network to check your stake. Try again in a little while.', action: 'retry_later' },
  VAULT_LOCKED: { message: 'Your saved keys are locked. Enter your passphrase to unlock them.', action: 'unlock' },
  VAULT_WRONG_PASSPHRASE: { message: 'That passphrase is not right. Try again.', action: 'fix_input' },
  VAULT_PASSPHRASE_WEAK: { message: 'This passphrase is too easy to guess. Choose a longer one.', action: 'fix_input' },
  VAULT_PASSPHRASE_MISMATCH: { message: 'The two passphrases do not match. Type them again.', action: 'fix_input' },
  VAULT_RECORD_DAMAGED: { message: 'A saved key could not be read because its stored data is damaged.', action: 'contact_support' },
  VAULT_RECORD_CHANGED: {
    message: 'A saved key was changed outside the extension (its address, type or details no longer match), so it will not be used. Remove it and import the key again.',
    action: 'contact_support',
  },
  VAULT_STORAGE_FAILED: { message: 'The browser could not save your data. Nothing was lost; try again.', action: 'retry' },
  STORAGE_FULL: {
    message: "The browser's storage for this extension is full, so nothing new could be saved. Your saved keys are unharmed. Free some space, then try again.",
    action: 'retry',
  },
  VAULT_NOT_SET_UP: { message: 'Set a passphrase first, so your keys can be stored safely.', action: 'unlock' },
  FLOW_BUSY: { message: 'Another key request is still in progress. Wait for it to finish.', action: 'retry_later' },
  HOST_NOT_ALLOWED: {
    message: 'This address is not one this build of the extension sends keys or signatures to, so nothing was sent.',
    action: 'none',
  },
  KEY_INVALID_FORMAT: { message: 'This does not look like a Venice API key. Check that you copied all of it.', action: 'fix_input' },
};
