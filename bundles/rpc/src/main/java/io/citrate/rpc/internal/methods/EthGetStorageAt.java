package io.citrate.rpc.internal.methods;

import com.fasterxml.jackson.databind.JsonNode;
import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;

/**
 * {@code eth_getStorageAt}: one storage slot after a chain block (latest when not given), always 32 bytes. The
 * slot may be a quantity ({@code 0x0}) or data up to 32 bytes, left-padded, as geth reads it.
 */
public final class EthGetStorageAt implements JsonRpcMethod {
  private static final int MAX_SLOT_DIGITS = 2 * Hash.SIZE;

  private final ChainView chain;

  public EthGetStorageAt(ChainView chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getStorageAt";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(3);
    Address address = Quantities.address(request.required(0), "address");
    Hash slot = slot(request.required(1));
    ChainView.ChainBlock block = chain.require(BlockParameter.parse(request.optional(2), "block"));
    return chain.node().storage(block.hash(), address, slot).orElseThrow(chain::missingState)
        .toString();
  }

  private static Hash slot(JsonNode value) throws JsonRpcException {
    if (!value.isTextual()) {
      throw JsonRpcException.invalidParams("slot: a 0x-prefixed hex string");
    }
    String text = value.asText();
    if (!text.startsWith("0x") || text.length() < 3 || text.length() > 2 + MAX_SLOT_DIGITS) {
      throw JsonRpcException.invalidParams("slot: 0x followed by 1 to 64 hex digits");
    }
    String digits = text.substring(2);
    try {
      byte[] bytes = Bytes.fromHex("0x" + (digits.length() % 2 == 0 ? digits : "0" + digits));
      return Hash.wrap(Bytes.leftPad(bytes, Hash.SIZE));
    } catch (IllegalArgumentException e) {
      throw JsonRpcException.invalidParams("slot: invalid hex string");
    }
  }
}
