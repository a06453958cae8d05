package io.citrate.rpc.internal.methods;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.core.api.Bytes;
import io.citrate.rpc.api.JsonRpcError;
import io.citrate.rpc.api.JsonRpcException;
import org.junit.jupiter.api.Test;

class CallFailuresTest {
  private static final String SELECTOR = "08c379a0";

  private static String word(long value) {
    return String.format("%064x", value);
  }

  @Test
  void decodesAnErrorStringPayload() {
    // Error("not owner"), as Solidity's require(condition, "not owner") reverts
    String payload = "0x" + SELECTOR + word(0x20) + word(9) + "6e6f74206f776e6572" + "00".repeat(23);
    assertThat(RevertReasons.decode(Bytes.fromHex(payload))).contains("not owner");
    JsonRpcException error = CallFailures.reverted(Bytes.fromHex(payload));
    assertThat(error.error()).isEqualTo(JsonRpcError.EXECUTION_REVERTED);
    assertThat(error.getMessage()).isEqualTo("execution reverted: not owner");
    assertThat(error.data()).contains(payload);
  }

  @Test
  void decodesAPanicCode() {
    assertThat(CallFailures.reverted(Bytes.fromHex("0x4e487b71" + word(0x11))).getMessage())
        .isEqualTo("execution reverted: arithmetic underflow or overflow");
    assertThat(CallFailures.reverted(Bytes.fromHex("0x4e487b71" + word(0x99))).getMessage())
        .isEqualTo("execution reverted: unknown panic code: 0x99");
  }

  @Test
  void anythingElseIsOnlyReverted() {
    String[] payloads = {
        "0x",
        "0x" + SELECTOR,
        // a custom error: InsufficientBalance(uint256)
        "0xcf479181" + word(1),
        // a panic with trailing bytes
        "0x4e487b71" + word(1) + "00",
        // offset past the end
        "0x" + SELECTOR + word(0x2000) + word(1),
        // length past the end
        "0x" + SELECTOR + word(0x20) + word(64) + "41" + "00".repeat(31),
        // a length that does not fit an int
        "0x" + SELECTOR + word(0x20) + "ff".repeat(32) + "41" + "00".repeat(31),
        // not UTF-8
        "0x" + SELECTOR + word(0x20) + word(2) + "c328" + "00".repeat(30),
    };
    for (String payload : payloads) {
      assertThat(RevertReasons.decode(Bytes.fromHex(payload))).as(payload).isEmpty();
      assertThat(CallFailures.reverted(Bytes.fromHex(payload)).getMessage()).isEqualTo("execution reverted");
    }
  }
}
