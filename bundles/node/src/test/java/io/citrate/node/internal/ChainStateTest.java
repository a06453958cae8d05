package io.citrate.node.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.block.BlockHeader;
import io.citrate.node.api.BlockAcceptance;
import io.citrate.store.api.MemoryKeyValueStore;
import io.citrate.vm.api.AccountOverride;
import io.citrate.vm.api.CallMessage;
import io.citrate.vm.api.CallResult;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChainStateTest {
  private static final Address ALICE = Devnet.ALICE.publicKey().toAddress();
  private static final Address PROBE = Address.fromHex("0x0000000000000000000000000000000000000e0e");
  /** Returns NUMBER, TIMESTAMP, COINBASE, GASLIMIT, CHAINID and BASEFEE as six words. */
  private static final byte[] ENVIRONMENT_PROBE = Bytes.fromHex(
      "0x4360005242602052416040524560605246608052486" + "0a052" + "60c06000f3");

  private final Devnet devnet = new Devnet(new MemoryKeyValueStore(), ProductionSettings.Mode.OFF);

  @Test
  void readsTheStateAfterEachBlock() {
    Hash genesis = devnet.node.chainBlock(0).orElseThrow().hash();
    Wei genesisBalance = devnet.node.account(genesis, ALICE).orElseThrow().balance();
    devnet.node.admit(devnet.transfer(Devnet.ALICE, 0, Devnet.CAROL, Wei.ofGwei(5), 2).encoded());
    assertThat(devnet.node.pendingNonce(ALICE)).isEqualTo(1);
    Hash first = devnet.node.produceBlock();

    assertThat(devnet.node.account(first, ALICE).orElseThrow().nonce()).isEqualTo(1);
    assertThat(devnet.node.account(first, Devnet.CAROL).orElseThrow().balance()).isEqualTo(Wei.ofGwei(5));
    assertThat(devnet.node.account(genesis, ALICE).orElseThrow().balance()).isEqualTo(genesisBalance);
    assertThat(devnet.node.account(Hash.ZERO, ALICE)).isEmpty();
    assertThat(devnet.node.code(first, ALICE)).hasValueSatisfying(code -> assertThat(code).isEmpty());
    assertThat(devnet.node.storage(first, ALICE, Hash.ZERO)).contains(Hash.ZERO);
    assertThat(devnet.node.pendingNonce(ALICE)).isEqualTo(1);
  }

  @Test
  void callsRunInTheEnvironmentOfTheirBlock() {
    devnet.node.admit(devnet.transfer(Devnet.ALICE, 0, Devnet.CAROL, Wei.ONE, 2).encoded());
    devnet.node.produceBlock();
    BlockAcceptance head = devnet.node.chainBlock(1).orElseThrow();
    BlockHeader header = head.header();
    CallMessage message = new CallMessage(ALICE, Optional.of(PROBE), 100_000, Optional.of(Wei.ofGwei(100)),
        Optional.empty(), Optional.empty(), Wei.ZERO, Bytes.EMPTY, List.of());

    CallResult result = devnet.node.call(head.hash(), message,
        Map.of(PROBE, AccountOverride.NONE.withCode(ENVIRONMENT_PROBE))).orElseThrow();

    assertThat(result.success()).isTrue();
    byte[] output = result.output();
    assertThat(word(output, 0)).isEqualTo(1);
    assertThat(word(output, 1)).isEqualTo(header.timestamp() / 1_000);
    assertThat(Address.wrap(Arrays.copyOfRange(output, 64 + 12, 96))).isEqualTo(header.producer());
    assertThat(word(output, 3)).isEqualTo(header.gasLimit());
    assertThat(word(output, 4)).isEqualTo(devnet.spec.chainId());
    assertThat(word(output, 5)).isEqualTo(header.baseFeePerGas().toBigInteger().longValueExact());
    assertThat(devnet.node.call(Hash.ZERO, message, Map.of())).isEmpty();
  }

  private static long word(byte[] output, int index) {
    return new BigInteger(1, Arrays.copyOfRange(output, index * 32, index * 32 + 32)).longValueExact();
  }
}
