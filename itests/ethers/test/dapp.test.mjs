// A dApp developer's first session with ethers v6 against a running Citrate devnet: deploy the DevToken
// artefact, call it, transfer tokens and ether, read receipts, logs and blocks, see a revert reason, and
// watch an event arrive over WebSocket.
//
//   CITRATE_RPC_URL=http://127.0.0.1:8545/ npm test
//
// CITRATE_WS_URL defaults to the HTTP URL's own port and path (the node serves both on one port).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import {
  Contract, ContractFactory, JsonRpcProvider, Wallet, WebSocketProvider, ZeroAddress, getCreateAddress, isError,
  parseEther,
} from 'ethers';

const RPC_URL = process.env.CITRATE_RPC_URL ?? 'http://127.0.0.1:8545/';
const WS_URL = process.env.CITRATE_WS_URL ?? RPC_URL.replace(/^http/, 'ws');
const CHAIN_ID = 1337n;
const STEP_TIMEOUT_MILLIS = 60_000;

// Accounts 0 and 1 of the public development mnemonic "test test ... junk", funded in the devnet's genesis.
const DEPLOYER_KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const HOLDER_KEY = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';

const artefact = JSON.parse(readFileSync(new URL('../../src/test/solidity/DevToken.json', import.meta.url)));
const INITIAL_SUPPLY = parseEther('1000000');

/** Resolves with what `subscribe(resolve)` delivers first, or rejects after `millis`. */
function firstOf(subscribe, millis, what) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${what} within ${millis} ms`)), millis);
    subscribe((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

// Within EthersAcceptance's five minutes, so a stuck session still reports which step hung.
describe('ethers v6 against a Citrate devnet', { timeout: 4 * STEP_TIMEOUT_MILLIS }, () => {
  let provider;
  let deployer;
  let holder;
  let token;
  let deployment;

  before(async () => {
    // Polling every 250 ms rather than ethers' 4 s: devnet blocks come every second.
    provider = new JsonRpcProvider(RPC_URL, undefined, { staticNetwork: true, pollingInterval: 250 });
    deployer = new Wallet(DEPLOYER_KEY, provider);
    holder = new Wallet(HOLDER_KEY, provider);
    const nonce = await provider.getTransactionCount(deployer.address, 'pending');
    const factory = new ContractFactory(artefact.abi, artefact.bytecode, deployer);
    token = await factory.deploy(INITIAL_SUPPLY);
    deployment = await token.deploymentTransaction().wait();
    assert.equal(await token.getAddress(), getCreateAddress({ from: deployer.address, nonce }));
  });

  after(() => provider?.destroy());

  it('is chain 1337', async () => {
    assert.equal((await provider.getNetwork()).chainId, CHAIN_ID);
  });

  it('deploys the contract: a successful receipt, its address and its runtime code', async () => {
    const address = await token.getAddress();
    assert.equal(deployment.status, 1);
    assert.equal(deployment.contractAddress, address);
    assert.ok(deployment.gasUsed > 21_000n, `deployment gas ${deployment.gasUsed}`);
    assert.equal(await provider.getCode(address), artefact.deployedBytecode);
    const minted = token.interface.parseLog(deployment.logs[0]);
    assert.equal(minted.name, 'Transfer');
    assert.deepEqual([...minted.args], [ZeroAddress, deployer.address, INITIAL_SUPPLY]);
  });

  it('calls view functions', async () => {
    assert.equal(await token.name(), 'Citrate Dev Token');
    assert.equal(await token.totalSupply(), INITIAL_SUPPLY);
    assert.equal(await token.balanceOf(deployer.address), await token.totalSupply());
  });

  it('transfers tokens: the receipt carries the indexed event and the state changes', async () => {
    const before = await token.balanceOf(holder.address);
    const nonce = await provider.getTransactionCount(deployer.address);
    const receipt = await (await token.transfer(holder.address, 1_000n)).wait();
    assert.equal(receipt.status, 1);
    assert.equal(receipt.logs.length, 1);
    const event = token.interface.parseLog(receipt.logs[0]);
    assert.deepEqual([...event.args], [deployer.address, holder.address, 1_000n]);
    assert.equal(await token.balanceOf(holder.address), before + 1_000n);
    assert.equal(await provider.getTransactionCount(deployer.address), nonce + 1);
    const transaction = await provider.getTransaction(receipt.hash);
    assert.equal(transaction.blockHash, receipt.blockHash);
    assert.equal(transaction.from, deployer.address);
  });

  it('transfers ether to a fresh account for exactly 21000 gas', async () => {
    const recipient = Wallet.createRandom().address;
    const value = parseEther('1.5');
    const holderBefore = await provider.getBalance(holder.address);
    const receipt = await (await holder.sendTransaction({ to: recipient, value })).wait();
    assert.equal(receipt.status, 1);
    assert.equal(receipt.gasUsed, 21_000n);
    assert.equal(await provider.getBalance(recipient), value);
    assert.equal(await provider.getBalance(holder.address), holderBefore - value - receipt.fee);
    assert.equal(await provider.estimateGas({ from: holder.address, to: recipient, value: 1n }), 21_000n);
  });

  it('estimates a token transfer above the intrinsic gas and within what it uses', async () => {
    const estimate = await token.transfer.estimateGas(holder.address, 1n);
    const receipt = await (await token.transfer(holder.address, 1n, { gasLimit: estimate })).wait();
    assert.equal(receipt.status, 1);
    assert.ok(estimate >= receipt.gasUsed && estimate > 21_000n, `estimate ${estimate}, used ${receipt.gasUsed}`);
  });

  it('decodes the revert reason of a call and of a gas estimate', async () => {
    const stranger = Wallet.createRandom().connect(provider);
    const asStranger = token.connect(stranger);
    await assert.rejects(asStranger.transfer.staticCall(holder.address, 1n), (error) => {
      assert.ok(isError(error, 'CALL_EXCEPTION'), String(error));
      assert.equal(error.reason, 'insufficient balance');
      return true;
    });
    await assert.rejects(token.connect(holder).buy.estimateGas({ value: 0n }), (error) => {
      assert.ok(isError(error, 'CALL_EXCEPTION'), String(error));
      assert.equal(error.reason, 'no ether sent');
      return true;
    });
  });

  it('pays a payable function: the contract keeps the ether and mints', async () => {
    const address = await token.getAddress();
    const balanceBefore = await provider.getBalance(address);
    const receipt = await (await token.connect(holder).buy({ value: 7n })).wait();
    assert.equal(receipt.status, 1);
    assert.equal(await provider.getBalance(address), balanceBefore + 7n);
    const minted = token.interface.parseLog(receipt.logs[0]);
    assert.deepEqual([...minted.args], [ZeroAddress, holder.address, 7n]);
  });

  it('queries Transfer logs by indexed topic over a block range', async () => {
    const toHolder = await token.queryFilter(token.filters.Transfer(deployer.address, holder.address),
      deployment.blockNumber, 'latest');
    assert.ok(toHolder.length >= 1);
    for (const event of toHolder) {
      assert.equal(event.args.from, deployer.address);
      assert.equal(event.args.to, holder.address);
    }
    const mints = await token.queryFilter(token.filters.Transfer(ZeroAddress), deployment.blockNumber);
    assert.equal(mints[0].transactionHash, deployment.hash);
  });

  it('reads a block by number and by hash', async () => {
    const byNumber = await provider.getBlock(deployment.blockNumber);
    const byHash = await provider.getBlock(deployment.blockHash);
    assert.equal(byNumber.hash, deployment.blockHash);
    assert.equal(byHash.number, deployment.blockNumber);
    assert.ok(byHash.transactions.includes(deployment.hash));
    assert.equal((await provider.getBlock(deployment.blockNumber - 1)).hash, byNumber.parentHash);
    // Seconds, as Ethereum clients expect, not milliseconds.
    assert.ok(Math.abs(byNumber.timestamp - Date.now() / 1000) < 3600, `timestamp ${byNumber.timestamp}`);
    assert.ok(byNumber.baseFeePerGas > 0n);
  });

  describe('over WebSocket', () => {
    let webSocket;

    before(async () => {
      webSocket = new WebSocketProvider(WS_URL, undefined, { staticNetwork: true });
      assert.equal((await webSocket.getNetwork()).chainId, CHAIN_ID);
    });

    // Destroying the provider ends its subscriptions; removing listeners first would race their eth_unsubscribe.
    after(() => webSocket?.destroy());

    it('announces new blocks', async () => {
      const head = await firstOf((deliver) => webSocket.once('block', deliver), STEP_TIMEOUT_MILLIS, 'new head');
      assert.ok(head > 0);
    });

    it('delivers a contract event to contract.on', async () => {
      const watched = new Contract(await token.getAddress(), artefact.abi, webSocket);
      const recipient = Wallet.createRandom().address;
      let deliver;
      const arrival = firstOf((resolve) => { deliver = resolve; }, STEP_TIMEOUT_MILLIS, 'Transfer event');
      await watched.on('Transfer', (from, to, value, event) => {
        if (to === recipient) {
          deliver({ from, to, value, event });
        }
      });
      // The transfer needs a block (up to a second on the devnet); eth_subscribe needs one round trip.
      const receipt = await (await token.transfer(recipient, 42n)).wait();
      const { from, to, value, event } = await arrival;
      assert.deepEqual([from, to, value], [deployer.address, recipient, 42n]);
      assert.equal(event.log.transactionHash, receipt.hash);
    });
  });
});
