export * from './common';
export * from './keys';
export * from './rate-limits';
export * from './web3';
export * from './billing';
export * from './x402';
export * from './error-body';
