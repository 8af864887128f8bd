// GET/POST /api_keys/generate_web3_key: the wallet flow.
import { type Hex, formatEther, getAddress, isAddress } from 'viem';
import type { Handler } from '../context';
import { createKey } from '../keyFactory';
import { createdKeyAnswer } from '../keyView';
import { fail, isReply, ok, standardError } from '../reply';
import { mintBody, parseBody } from '../schemas';
import { checkToken, issueToken } from '../web3Token';

/** DIEM per epoch granted per staked VVV when an account is created (sandbox rule, see README). */
export const DIEM_PER_STAKED_VVV = 0.01;

export const getWeb3Token: Handler = async (ctx) => {
  const token = await issueToken(ctx.deps.store.data.jwtSecret, ctx.deps.clock.now());
  ctx.deps.issued.token(token);
  return ok({ success: true, data: { token } });
};

export const mintWeb3Key: Handler = async (ctx) => {
  const parsed = parseBody(mintBody, ctx.body, ctx.bodyIsJson);
  if (!parsed.ok) return parsed.reply;
  const body = parsed.value;
  const { store, clock, chain } = ctx.deps;

  if (!isAddress(body.address, { strict: false })) return fail(400, 'Invalid wallet address');
  const address = getAddress(body.address);
  const tokenProblem = await checkToken(body.token, store.data.jwtSecret, clock.now());
  if (tokenProblem) return fail(400, tokenProblem);
  if (!/^0x(?:[0-9a-fA-F]{2})+$/.test(body.signature)) return fail(400, 'Wallet signature does not match');
  const verdict = await chain.verifySignature(address, body.token, body.signature as Hex);
  if (verdict === 'unavailable') return fail(400, 'Could not verify wallet signature');
  if (verdict === 'mismatch') return fail(400, 'Wallet signature does not match');

  let staked: bigint;
  try {
    staked = await chain.stakedBalance(address);
  } catch {
    return standardError(500);
  }
  if (staked === 0n) return fail(400, `Wallet ${address} has no staked VVV on Base`);

  const account = store.accountForWallet(
    address,
    () => {
      const allocation = Number(formatEther(staked)) * DIEM_PER_STAKED_VVV;
      return { balances: { usd: 0, diem: allocation, bundled: 0 }, diemEpochAllocation: allocation };
    },
    clock.iso(),
  );
  ctx.accountId = account.id;
  const created = createKey(store, clock, account, { ...body, description: body.description ?? 'Web3 API Key' });
  if (isReply(created)) return created;
  const { key, secret } = created;
  ctx.deps.issued.key(secret);
  ctx.deps.issued.mint({ signature: body.signature, keyId: key.id, connection: ctx.connection });
  // As documented for this route, the echo of the limits is unreliable: `diem` is taken from
  // `vcu` and a USD cap of 0 comes back as null. The stored limits are right (GET /api_keys/{id}).
  const caps = key.consumptionLimits;
  return ok(createdKeyAnswer(key, secret, { usd: caps.usd || null, diem: caps.vcu, vcu: caps.vcu }));
};
