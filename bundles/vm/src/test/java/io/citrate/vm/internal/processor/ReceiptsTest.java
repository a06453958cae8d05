package io.citrate.vm.internal.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.tx.TransactionType;
import io.citrate.vm.api.Log;
import io.citrate.vm.api.TransactionReceipt;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptsTest {
  private static TransactionReceipt receipt(TransactionType type, List<Log> logs) {
    return new TransactionReceipt(type, true, 21_000, 21_000, logs, LogsBloom.of(logs));
  }

  @Test
  void noReceiptsHaveTheEmptyTrieRoot() {
    assertThat(Receipts.root(List.of())).isEqualTo(Hash.EMPTY_TRIE_ROOT);
  }

  @Test
  void oneSuccessfulTransferHasTheRootEthereumHeadersCarry() {
    // receiptTrie of BlockchainTests/ValidBlocks/bcStateTests/TransactionFromCoinbaseHittingBlockGasLimit1.json
    assertThat(Receipts.root(List.of(receipt(TransactionType.LEGACY, List.of()))))
        .isEqualTo(Hash.fromHex("0x056b23fbba480696b65fe5a59b8f2148a1299103c4f57df839233af2cf4ca2d2"));
  }

  @Test
  void typedReceiptsArePrefixedWithTheirType() {
    assertThat(receipt(TransactionType.EIP1559, List.of()).encode()[0]).isEqualTo((byte) 2);
    assertThat(receipt(TransactionType.LEGACY, List.of()).encode()[0] & 0xff).isGreaterThanOrEqualTo(0xc0);
  }

  @Test
  void theBlockBloomHasEveryLogsBits() {
    Log first = new Log(Address.fromHex("0x0000000000000000000000000000000000000001"), List.of(), new byte[0]);
    Log second = new Log(Address.fromHex("0x0000000000000000000000000000000000000002"), List.of(Hash.ZERO), new byte[0]);
    byte[] bloom = Receipts.bloom(List.of(receipt(TransactionType.LEGACY, List.of(first)),
        receipt(TransactionType.LEGACY, List.of(second))));
    assertThat(bloom).isEqualTo(LogsBloom.of(List.of(first, second)));
  }
}
