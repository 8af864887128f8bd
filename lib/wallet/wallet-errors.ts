/**
 * Turns what the wallet path throws into the project's AppError data: EIP-1193
 * codes (kept intact across the bridge), the bridge's own codes, and viem errors,
 * which carry the wallet's error as their `cause`.
 */
import { AppException, appError, isAppError, type AppError } from '../errors';
import { BRIDGE_CODES } from './bridge-protocol';

/** An EIP-1193 error as it came from the wallet, rethrown in the background with its code kept. */
export class WalletRpcError extends Error {
  readonly code: number;
  constructor(code: number, message: string) {
    super(message || `Wallet error ${code}`);
    this.name = 'WalletRpcError';
    this.code = code;
  }
}


/** The AppError of an EIP-1193 / JSON-RPC code, or of one of the bridge's own codes. */
export function walletCodeToAppError(code: number, walletMessage?: string): AppError {
  switch (code) {
    case 4001:
      return appError('WALLET_REJECTED');
    case 4100: // unauthorized: the wallet is locked, or this site is not connected
    case 4900: // disconnected from every chain
    case 4901: // disconnected from the requested chain
      return appError('WALLET_LOCKED');
    case -32002: // a request of the same kind is already pending in the wallet
      return appError('WALLET_REQUEST_PENDING');
    case 4200:
    case -32601:
      return appError('WALLET_UNSUPPORTED_METHOD');
    case BRIDGE_CODES.noWallet:
    case BRIDGE_CODES.unknownWallet:
      return appError('WALLET_NOT_FOUND');
    default:
      return appError('UNKNOWN', walletMessage);
  }
}

/** Finds the AppError in anything the wallet path threw, walking `cause` links (viem wraps). */
export function toWalletAppError(error: unknown): AppError {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth += 1) {
    if (current instanceof AppException) return current.toJSON();
    if (isAppError(current)) return current;
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    // -1 is viem's "unknown" wrapper code: the wallet's own error is its cause.
    if (typeof code === 'number' && Number.isInteger(code) && code !== -1) {
      return walletCodeToAppError(code, (current as { message?: unknown }).message as string | undefined);
    }
    current = cause;
  }
  return appError('UNKNOWN');
}

/** Rethrows anything from the wallet path as an AppException (its `cause` kept, never sent). */
export function rethrowAsWalletError(error: unknown): never {
  if (error instanceof AppException) throw error;
  throw new AppException(toWalletAppError(error), { cause: error });
}
