// Runs the workloads of evm-workloads.txt on @ethereumjs/vm (Cancun), the same transactions as
// io.citrate.benchmarks.EvmThroughputBenchmark, and prints the same RESULT lines so evm-compare.sh can set
// the two side by side. Each repetition starts from a fresh state (not timed) and times the transactions
// plus the state root. Usage: node evm-throughput.mjs [repetitions] [warm-up repetitions]
import { readFileSync } from 'node:fs'
import { createBlock } from '@ethereumjs/block'
import { Common, Hardfork, Mainnet } from '@ethereumjs/common'
import { createFeeMarket1559Tx } from '@ethereumjs/tx'
import {
  bigIntToBytes,
  bytesToHex,
  concatBytes,
  createAccount,
  createAddressFromString,
  hexToBytes,
  privateToAddress,
  setLengthLeft,
} from '@ethereumjs/util'
import { createVM, runTx } from '@ethereumjs/vm'
import { keccak_256 } from '@noble/hashes/sha3.js'

const repetitions = Number(process.argv[2] ?? 5)
const warmUps = Number(process.argv[3] ?? 1)

const common = new Common({ chain: Mainnet, hardfork: Hardfork.Cancun })
const CONTRACT = createAddressFromString('0x00000000000000000000000000000000000c0de0')
const COINBASE = createAddressFromString('0x00000000000000000000000000000000000000cb')
const SENDER_BALANCE = 10n ** 18n
const TRANSFER_SELECTOR = hexToBytes('0xa9059cbb')
const block = createBlock(
  {
    header: {
      number: 1n,
      timestamp: 1000n,
      gasLimit: 30_000_000n,
      baseFeePerGas: 10n,
      coinbase: COINBASE,
      excessBlobGas: 0n,
    },
  },
  { common },
)

const { parameters, code } = loadWorkloads(
  new URL('../../src/main/resources/evm-workloads.txt', import.meta.url),
)

function loadWorkloads(url) {
  const parameters = {}
  const code = {}
  let section = null
  for (const rawLine of readFileSync(url, 'ascii').split('\n')) {
    const line = rawLine.replace(/#.*/, '').trim()
    if (line === '') continue
    if (line.includes('=')) {
      const [name, value] = line.split('=')
      parameters[name.trim()] = Number(value.trim())
    } else if (line.startsWith('code ')) {
      section = line.slice(5, -1).trim()
      code[section] = ''
    } else {
      code[section] += line.replaceAll(' ', '')
    }
  }
  for (const name of Object.keys(code)) code[name] = hexToBytes(`0x${code[name]}`)
  return { parameters, code }
}

const word = (value) => setLengthLeft(bigIntToBytes(BigInt(value)), 32)

// Sender keys 1000, 1001, ...: the same as EvmThroughputBenchmark's.
const senderKey = (index) => word(1000 + index)

function call(key, nonce, gasLimit, data) {
  const tx = createFeeMarket1559Tx(
    {
      chainId: 1n,
      nonce: BigInt(nonce),
      maxPriorityFeePerGas: 2n,
      maxFeePerGas: 20n,
      gasLimit: BigInt(gasLimit),
      to: CONTRACT,
      value: 0n,
      data,
    },
    { common },
  ).sign(key)
  tx.getSenderAddress() // recovered and cached outside the timed part, as Citrate's transactions hold theirs
  return tx
}

async function vmWithContract(workload, storage, senders) {
  const vm = await createVM({ common })
  const state = vm.stateManager
  await state.putAccount(CONTRACT, createAccount({ nonce: 1n, balance: 0n }))
  await state.putCode(CONTRACT, code[workload])
  for (const [slot, value] of storage) await state.putStorage(CONTRACT, slot, value)
  for (let sender = 0; sender < senders; sender++) {
    const address = createAddressFromString(bytesToHex(privateToAddress(senderKey(sender))))
    await state.putAccount(address, createAccount({ nonce: 0n, balance: SENDER_BALANCE }))
  }
  return vm
}

async function arithmetic() {
  const vm = await vmWithContract('arithmetic', [], 1)
  const transactions = []
  for (let nonce = 0; nonce < parameters['arithmetic.transactions']; nonce++) {
    transactions.push(
      call(senderKey(0), nonce, parameters['arithmetic.gasLimit'], word(parameters['arithmetic.iterations'])),
    )
  }
  return { vm, transactions }
}

async function storage() {
  const existingSlots = []
  for (let slot = 0; slot < 64; slot++) existingSlots.push([word(slot), word(1)])
  const vm = await vmWithContract('storage', existingSlots, 1)
  const count = parameters['storage.count']
  const transactions = []
  for (let nonce = 0; nonce < parameters['storage.transactions']; nonce++) {
    const data = concatBytes(word(1 + nonce * count), word(count))
    transactions.push(call(senderKey(0), nonce, parameters['storage.gasLimit'], data))
  }
  return { vm, transactions }
}

async function erc20() {
  const holders = parameters['erc20.holders']
  const addresses = []
  const balances = []
  for (let holder = 0; holder < holders; holder++) {
    addresses.push(privateToAddress(senderKey(holder)))
    const balanceSlot = keccak_256(concatBytes(setLengthLeft(addresses[holder], 32), new Uint8Array(32)))
    balances.push([balanceSlot, word(parameters['erc20.initialBalance'])])
  }
  const vm = await vmWithContract('erc20', balances, holders)
  const transactions = []
  for (let j = 0; j < parameters['erc20.transactions']; j++) {
    const to = addresses[(7 * j + 3) % holders]
    const data = concatBytes(TRANSFER_SELECTOR, setLengthLeft(to, 32), word(1 + (j % 100)))
    transactions.push(call(senderKey(j % holders), Math.floor(j / holders), parameters['erc20.gasLimit'], data))
  }
  return { vm, transactions }
}

const workloads = { arithmetic, storage, erc20 }

async function measure(workload) {
  const { vm, transactions } = await workloads[workload]()
  let gasUsed = 0n
  const start = process.hrtime.bigint()
  for (const tx of transactions) {
    const result = await runTx(vm, { tx, block })
    if (result.execResult.exceptionError !== undefined) {
      throw new Error(`${workload}: transaction failed: ${result.execResult.exceptionError.error}`)
    }
    gasUsed += result.totalGasSpent
  }
  const root = await vm.stateManager.getStateRoot()
  const nanos = process.hrtime.bigint() - start
  return { gasUsed, nanos, root }
}

for (const workload of Object.keys(workloads)) {
  for (let i = 0; i < warmUps; i++) await measure(workload)
  for (let i = 0; i < repetitions; i++) {
    const { gasUsed, nanos, root } = await measure(workload)
    const mgas = (Number(gasUsed) * 1000) / Number(nanos)
    console.log(
      `RESULT workload=${workload} mgas=${mgas.toFixed(2)} gas=${gasUsed} ms=${(Number(nanos) / 1e6).toFixed(1)} root=${bytesToHex(root)}`,
    )
  }
}
