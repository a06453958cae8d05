package io.citrate.rpc.internal.methods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.rpc.api.JsonRpcError;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.vm.api.Log;
import io.citrate.vm.internal.processor.LogsBloom;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogFilterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Address EMITTER = Address.fromHex("0x00000000000000000000000000000000000000aa");
  private static final Address OTHER = Address.fromHex("0x00000000000000000000000000000000000000bb");
  private static final Hash TRANSFER = Hash.fromHex("0x" + "11".repeat(32));
  private static final Hash APPROVAL = Hash.fromHex("0x" + "22".repeat(32));
  private static final Hash ALICE = Hash.fromHex("0x" + "33".repeat(32));
  private static final Log TRANSFER_LOG = new Log(EMITTER, List.of(TRANSFER, ALICE), new byte[] {1});

  private static LogFilter filter(String json) throws Exception {
    return LogFilter.parse(JSON.readTree(json));
  }

  @Test
  void matchesByAddressAndTopicPositions() throws Exception {
    assertThat(filter("{}").matches(TRANSFER_LOG)).isTrue();
    assertThat(filter("{\"address\":\"" + EMITTER.toHex() + "\"}").matches(TRANSFER_LOG)).isTrue();
    assertThat(filter("{\"address\":[\"" + OTHER.toHex() + "\"]}").matches(TRANSFER_LOG)).isFalse();
    assertThat(filter("{\"topics\":[\"" + TRANSFER.toHex() + "\"]}").matches(TRANSFER_LOG)).isTrue();
    assertThat(filter("{\"topics\":[null,\"" + ALICE.toHex() + "\"]}").matches(TRANSFER_LOG)).isTrue();
    assertThat(filter("{\"topics\":[[\"" + APPROVAL.toHex() + "\",\"" + TRANSFER.toHex() + "\"]]}")
        .matches(TRANSFER_LOG)).isTrue();
    assertThat(filter("{\"topics\":[\"" + APPROVAL.toHex() + "\"]}").matches(TRANSFER_LOG)).isFalse();
    assertThat(filter("{\"topics\":[null,null,\"" + ALICE.toHex() + "\"]}").matches(TRANSFER_LOG)).isFalse();
    assertThat(filter("{\"topics\":[null,null,null]}").matches(TRANSFER_LOG)).isTrue();
  }

  @Test
  void bloomRulesOutBlocksWithoutTheEmitterOrTopic() throws Exception {
    byte[] bloom = LogsBloom.of(List.of(TRANSFER_LOG));
    assertThat(filter("{\"address\":\"" + EMITTER.toHex() + "\"}").mayMatch(bloom)).isTrue();
    assertThat(filter("{\"topics\":[\"" + TRANSFER.toHex() + "\"]}").mayMatch(bloom)).isTrue();
    assertThat(filter("{\"address\":\"" + OTHER.toHex() + "\"}").mayMatch(bloom)).isFalse();
    assertThat(filter("{\"topics\":[\"" + APPROVAL.toHex() + "\"]}").mayMatch(bloom)).isFalse();
  }

  @Test
  void malformedCriteriaAreInvalidParams() {
    for (String bad : List.of("[]", "{\"address\":5}", "{\"address\":\"0x12\"}", "{\"topics\":\"0x00\"}",
        "{\"topics\":[\"0xzz\"]}", "{\"topics\":[null,null,null,null,null]}")) {
      assertThatThrownBy(() -> LogFilter.parse(JSON.readTree(bad)))
          .isInstanceOfSatisfying(JsonRpcException.class, e -> assertThat(e.error()).isEqualTo(JsonRpcError.INVALID_PARAMS));
    }
  }

  @Test
  void absentCriteriaMatchEverything() throws Exception {
    JsonNode none = null;
    assertThat(LogFilter.parse(none).matches(TRANSFER_LOG)).isTrue();
  }
}
