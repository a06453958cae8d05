package io.citrate.vm.internal.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.crypto.Keccak256;
import io.citrate.core.api.rlp.RlpReader;
import io.citrate.core.api.tx.Transaction;
import io.citrate.core.api.tx.TransactionDecoder;
import io.citrate.store.api.MemoryKeyValueStore;
import io.citrate.store.api.WriteBatch;
import io.citrate.vm.api.BlockEnvironment;
import io.citrate.vm.api.BlockExecutionResult;
import io.citrate.vm.internal.evm.MainnetEvms;
import io.citrate.vm.internal.precompile.MainnetPrecompiles;
import io.citrate.vm.internal.state.Account;
import io.citrate.vm.internal.state.JournaledState;
import io.citrate.vm.internal.state.KeyValueTrieNodeStore;
import io.citrate.vm.internal.state.TrieWorldState;
import io.citrate.vm.internal.state.Word;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Ethereum's BlockchainTests/ValidBlocks under Cancun ({@code testdata/evm/BlockchainTests}, see its README), for
 * what execution decides: each block's transactions run through {@link BlockExecutor} after the EIP-4788 beacon
 * root system call and before the withdrawals are credited, and the resulting state root, receipts root, bloom
 * and gas used must equal the block header's. Header rules that are not execution's (base fee and excess blob gas
 * derivation, timestamps, the header hash chain) are the block validator's and not checked here. After the last
 * block the state is read back through a fresh node store over the same key-value store and compared account by
 * account with {@code postState} (or its root with {@code postStateHash}), so what was persisted is what is checked.
 */
class BlockchainConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Address SYSTEM_ADDRESS = Address.fromHex("0xfffffffffffffffffffffffffffffffffffffffe");
  private static final Address BEACON_ROOTS = Address.fromHex("0x000f3df6d732807ef1319fb7b8bb8522d0beac02");
  private static final long SYSTEM_CALL_GAS = 30_000_000;
  private static final Wei WEI_PER_GWEI = Wei.ofGwei(1);

  static boolean fixturesPresent() {
    return Files.isDirectory(root());
  }

  private static Path root() {
    return Path.of(System.getProperty("citrate.testdata", "../../../shared/testdata"), "evm", "BlockchainTests");
  }

  @TestFactory
  @EnabledIf("fixturesPresent")
  Stream<DynamicTest> validBlocks() throws IOException {
    Path root = root();
    String filter = System.getProperty("citrate.evm.filter", "");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".json"))
          .filter(p -> root.relativize(p).toString().contains(filter)).sorted().collect(Collectors.toList());
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : files) {
      String path = root.relativize(file).toString().replace('\\', '/').replaceFirst("\\.json$", "");
      for (Map.Entry<String, JsonNode> test : JSON.readTree(file.toFile()).properties()) {
        tests.add(DynamicTest.dynamicTest(path + "/" + test.getKey(), () -> run(test.getValue())));
      }
    }
    return tests.stream();
  }

  private static void run(JsonNode test) {
    MemoryKeyValueStore store = new MemoryKeyValueStore();
    KeyValueTrieNodeStore nodes = new KeyValueTrieNodeStore(store);
    TrieWorldState state = TrieWorldState.empty(nodes);
    for (Map.Entry<String, JsonNode> account : test.get("pre").properties()) {
      Map<Word, Word> storage = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> slot : account.getValue().path("storage").properties()) {
        storage.put(Word.fromBytes(quantity(slot.getKey())), Word.fromBytes(quantity(slot.getValue().asText())));
      }
      state.updateAccount(Address.fromHex(account.getKey()),
          new BigInteger(1, quantity(account.getValue().get("nonce").asText())).longValue(),
          Wei.fromBytes(quantity(account.getValue().get("balance").asText())),
          Bytes.fromHex(account.getValue().get("code").asText()), storage);
    }
    assertThat(state.rootHash()).as("genesis state root")
        .isEqualTo(Hash.fromHex(test.get("genesisBlockHeader").get("stateRoot").asText()));

    Map<Long, Hash> hashes = new HashMap<>();
    hashes.put(0L, Hash.fromHex(test.get("genesisBlockHeader").get("hash").asText()));
    BlockExecutor blocks = new BlockExecutor(new TransactionExecutor(MainnetEvms.cancun(MainnetPrecompiles.cancun())));
    TransactionExecutor system = new TransactionExecutor(MainnetEvms.cancun(MainnetPrecompiles.cancun()));
    for (JsonNode block : test.get("blocks")) {
      RlpReader fields = RlpReader.of(Bytes.fromHex(block.get("rlp").asText())).enterList();
      byte[] headerRlp = fields.readRaw();
      RlpReader header = RlpReader.of(headerRlp).enterList();
      List<byte[]> h = new ArrayList<>();
      while (header.hasNext()) {
        h.add(header.readBytes());
      }
      long number = new BigInteger(1, h.get(8)).longValue();
      BlockEnvironment environment = new BlockEnvironment(Address.wrap(h.get(2)), number,
          new BigInteger(1, h.get(11)).longValue(), new BigInteger(1, h.get(9)).longValue(),
          Wei.fromBytes(h.get(15)), Hash.wrap(h.get(13)), new BigInteger(1, h.get(18)).longValue(), 1,
          n -> hashes.getOrDefault(n, Hash.ZERO));

      system.systemCall(state, environment, SYSTEM_ADDRESS, BEACON_ROOTS, h.get(19), SYSTEM_CALL_GAS);
      List<Transaction> transactions = new ArrayList<>();
      RlpReader encodedTransactions = fields.enterList();
      while (encodedTransactions.hasNext()) {
        byte[] encoded = encodedTransactions.nextIsList() ? encodedTransactions.readRaw() : encodedTransactions.readBytes();
        transactions.add(TransactionDecoder.decode(encoded));
      }
      BlockExecutionResult result = blocks.execute(state, environment, transactions);
      fields.skip();
      JournaledState withdrawals = new JournaledState(state);
      RlpReader encodedWithdrawals = fields.enterList();
      while (encodedWithdrawals.hasNext()) {
        RlpReader withdrawal = encodedWithdrawals.enterList();
        withdrawal.skip();
        withdrawal.skip();
        Address address = Address.wrap(withdrawal.readBytes());
        withdrawals.addBalance(address, WEI_PER_GWEI.multiply(Wei.fromBytes(withdrawal.readBytes())));
      }
      withdrawals.commitTo(state);
      state.commit();
      store.commit(nodes.drainInto(new WriteBatch()));

      String at = "block " + number;
      assertThat(result.skipped()).as(at + " skipped").isEmpty();
      assertThat(result.gasUsed()).as(at + " gas used").isEqualTo(new BigInteger(1, h.get(10)).longValue());
      assertThat(result.receiptsRoot()).as(at + " receipts root").isEqualTo(Hash.wrap(h.get(5)));
      assertThat(result.logsBloom()).as(at + " bloom").isEqualTo(h.get(6));
      assertThat(state.rootHash()).as(at + " state root").isEqualTo(Hash.wrap(h.get(3)));
      hashes.put(number, Keccak256.hash(headerRlp));
    }
    checkPostState(test, TrieWorldState.load(state.rootHash(), new KeyValueTrieNodeStore(store)));
  }

  private static void checkPostState(JsonNode test, TrieWorldState persisted) {
    if (test.has("postStateHash")) {
      assertThat(persisted.rootHash()).isEqualTo(Hash.fromHex(test.get("postStateHash").asText()));
      return;
    }
    for (Map.Entry<String, JsonNode> expected : test.get("postState").properties()) {
      Address address = Address.fromHex(expected.getKey());
      JsonNode fields = expected.getValue();
      Account account = persisted.account(address).orElseThrow(() -> new AssertionError("missing " + address));
      assertThat(account.nonce()).as(address + " nonce")
          .isEqualTo(new BigInteger(1, quantity(fields.get("nonce").asText())).longValue());
      assertThat(account.balance()).as(address + " balance").isEqualTo(Wei.fromBytes(quantity(fields.get("balance").asText())));
      assertThat(persisted.code(account.codeHash())).as(address + " code").isEqualTo(Bytes.fromHex(fields.get("code").asText()));
      for (Map.Entry<String, JsonNode> slot : fields.path("storage").properties()) {
        assertThat(persisted.storage(address, Word.fromBytes(quantity(slot.getKey())))).as(address + " slot " + slot.getKey())
            .isEqualTo(Word.fromBytes(quantity(slot.getValue().asText())));
      }
    }
  }

  private static byte[] quantity(String hex) {
    return Bytes.trimLeadingZeros(Bytes.fromHex(hex.length() % 2 == 1 ? "0x0" + hex.substring(2) : hex));
  }
}
