package io.citrate.rpc.internal.methods;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.node.internal.Devnet;
import io.citrate.node.internal.ProductionSettings;
import io.citrate.store.api.MemoryKeyValueStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code eth_syncing}, {@code eth_accounts}, {@code net_listening}, {@code net_peerCount}. */
class NodeInfoMethodsTest {
  private final Devnet devnet = new Devnet(new MemoryKeyValueStore(), ProductionSettings.Mode.OFF, 1_000);
  private final DevnetCalls rpc = new DevnetCalls(devnet);

  @Test
  void aSingleNodeIsNotSyncingHoldsNoAccountsListensAndHasNoPeers() {
    assertThat(rpc.result("eth_syncing", "[]").isBoolean()).isTrue();
    assertThat(rpc.result("eth_syncing", "[]").asBoolean()).isFalse();
    assertThat(rpc.result("eth_accounts", "[]").isArray()).isTrue();
    assertThat(rpc.result("eth_accounts", "[]")).isEmpty();
    assertThat(rpc.result("net_listening", "[]").asBoolean()).isTrue();
    assertThat(rpc.result("net_peerCount", "[]").asText()).isEqualTo("0x0");
  }

  @Test
  void argumentsAreRefusedAsInvalidParams() {
    for (String method : List.of("eth_syncing", "eth_accounts", "net_listening", "net_peerCount")) {
      assertThat(rpc.errorCode(method, "[1]")).as(method).isEqualTo(-32602);
      assertThat(rpc.errorCode(method, "[\"0x1\",true]")).as(method).isEqualTo(-32602);
    }
    assertThat(devnet.node().status().headNumber()).isZero();
  }
}
