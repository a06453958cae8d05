// Compiles each contract in this folder with the solc that package-lock.json pins and writes <Name>.json
// beside it: ABI, creation and runtime bytecode, and the settings they came from. The Java and ethers
// acceptance tests read those files, so neither Maven nor the tests need a Solidity compiler.
// Run: npm ci && npm run compile
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import solc from 'solc';

const folder = dirname(fileURLToPath(import.meta.url));
const settings = {
  evmVersion: 'cancun',
  optimizer: { enabled: true, runs: 200 },
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
};

const sources = Object.fromEntries(readdirSync(folder)
  .filter((file) => file.endsWith('.sol'))
  .sort()
  .map((file) => [file, { content: readFileSync(join(folder, file), 'utf8') }]));
const output = JSON.parse(solc.compile(JSON.stringify({ language: 'Solidity', sources, settings })));

const problems = output.errors ?? [];
for (const problem of problems) {
  console.error(problem.formattedMessage);
}
if (problems.some((problem) => problem.severity === 'error')) {
  process.exit(1);
}

for (const [file, contracts] of Object.entries(output.contracts)) {
  for (const [contractName, contract] of Object.entries(contracts)) {
    const artefact = {
      contractName,
      sourceName: file,
      compiler: {
        name: 'solc',
        version: solc.version(),
        settings: { evmVersion: settings.evmVersion, optimizer: settings.optimizer },
      },
      abi: contract.abi,
      bytecode: `0x${contract.evm.bytecode.object}`,
      deployedBytecode: `0x${contract.evm.deployedBytecode.object}`,
    };
    writeFileSync(join(folder, `${contractName}.json`), `${JSON.stringify(artefact, null, 2)}\n`);
    console.log(`${file}: ${contractName}.json`);
  }
}
