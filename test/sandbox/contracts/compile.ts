// Compiles the sandbox Solidity sources with solc-js and writes compiled.json
// (ABI, bytecode, runtime bytecode and storage slots), so the sandbox starts without compiling.
// Run: npx tsx test/sandbox/contracts/compile.ts
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface SolcOutputContract {
  abi: unknown[];
  evm: { bytecode: { object: string }; deployedBytecode: { object: string } };
  storageLayout: { storage: { label: string; slot: string }[] };
}
interface SolcOutput {
  errors?: { severity: string; formattedMessage: string }[];
  contracts: Record<string, Record<string, SolcOutputContract>>;
}
interface Solc {
  version(): string;
  compile(input: string): string;
}

const here = dirname(fileURLToPath(import.meta.url));
const solc = createRequire(import.meta.url)('solc') as Solc;

const sources = Object.fromEntries(
  readdirSync(here)
    .filter((file) => file.endsWith('.sol'))
    .sort()
    .map((file) => [file, { content: readFileSync(join(here, file), 'utf8') }]),
);

const input = {
  language: 'Solidity',
  sources,
  settings: {
    evmVersion: 'cancun',
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object', 'storageLayout'] } },
  },
};

const output = JSON.parse(solc.compile(JSON.stringify(input))) as SolcOutput;
const errors = (output.errors ?? []).filter((error) => error.severity === 'error');
if (errors.length > 0) {
  for (const error of errors) console.error(error.formattedMessage);
  process.exit(1);
}

const contracts: Record<string, unknown> = {};
for (const file of Object.keys(output.contracts).sort()) {
  for (const [name, contract] of Object.entries(output.contracts[file] ?? {})) {
    if (contract.evm.bytecode.object === '') continue; // abstract contracts and interfaces
    contracts[name] = {
      source: file,
      abi: contract.abi,
      bytecode: `0x${contract.evm.bytecode.object}`,
      deployedBytecode: `0x${contract.evm.deployedBytecode.object}`,
      storageSlots: Object.fromEntries(contract.storageLayout.storage.map((slot) => [slot.label, Number(slot.slot)])),
    };
  }
}

const target = join(here, 'compiled.json');
writeFileSync(target, `${JSON.stringify({ compiler: solc.version(), contracts }, null, 2)}\n`);
console.log(`wrote ${Object.keys(contracts).join(', ')} to ${target}`);
