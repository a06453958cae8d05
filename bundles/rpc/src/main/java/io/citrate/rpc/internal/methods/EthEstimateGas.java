package io.citrate.rpc.internal.methods;

import io.citrate.core.api.Address;
import io.citrate.core.api.Wei;
import io.citrate.rpc.api.JsonRpcError;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;
import io.citrate.vm.api.AccountOverride;
import io.citrate.vm.api.CallResult;
import io.citrate.vm.api.CallStatus;
import java.math.BigInteger;
import java.util.Optional;

/**
 * {@code eth_estimateGas}: the least gas limit with which the call object succeeds on the state after a chain
 * block (latest when not given), found as geth finds it: one run at the highest limit allowed (the call's own
 * gas, else the block's limit, at most the configured cap and what the sender's balance pays for at the given
 * fee cap), then a binary search from the gas that run used. When even that limit fails, a revert answers with
 * its revert error, running out of gas with "gas required exceeds allowance".
 */
public final class EthEstimateGas implements JsonRpcMethod {
  /** The stipend a CALL with value hands its callee on top: room the gas used does not show. */
  private static final long CALL_STIPEND = 2_300;
  private static final long TRANSFER_GAS = 21_000;

  private final ChainView chain;
  private final long gasCap;

  public EthEstimateGas(ChainView chain, long gasCap) {
    this.chain = chain;
    this.gasCap = gasCap;
  }

  @Override
  public String name() {
    return "eth_estimateGas";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    CallRequest call = CallRequest.parse(request, chain, true);
    CallArguments arguments = call.arguments();
    long highest = call.gasAllowance(gasCap);
    if (arguments.gas().isPresent() && arguments.gas().getAsLong() >= TRANSFER_GAS) {
      highest = Math.min(highest, arguments.gas().getAsLong());
    }
    highest = Math.min(highest, affordable(call));

    // A plain transfer needs exactly the transaction's base cost; one run tells.
    if (arguments.to().isPresent() && arguments.input().length == 0 && highest >= TRANSFER_GAS
        && succeeds(call, TRANSFER_GAS)) {
      return Quantities.quantity(TRANSFER_GAS);
    }
    CallResult unconstrained = call.run(chain, arguments.message(highest));
    if (!unconstrained.success()) {
      if (unconstrained.status().needsMoreGas()) {
        throw new JsonRpcException(JsonRpcError.INVALID_INPUT, "gas required exceeds allowance (" + highest + ")");
      }
      throw CallFailures.of(unconstrained);
    }
    long failing = unconstrained.gasUsed() - 1;
    long passing = highest;
    // The gas used plus refunds and a stipend, with the 1/64 a call keeps back, usually succeeds at once.
    long optimistic = (unconstrained.gasUsed() + unconstrained.gasRefunded() + CALL_STIPEND) * 64 / 63;
    if (optimistic < passing) {
      if (succeeds(call, optimistic)) {
        passing = optimistic;
      } else {
        failing = optimistic;
      }
    }
    while (failing + 1 < passing) {
      long middle = failing + (passing - failing) / 2;
      // Most estimates are near the gas used: widen from the bottom rather than halve a wide range.
      if (failing > 0 && middle > failing * 2) {
        middle = failing * 2;
      }
      if (succeeds(call, middle)) {
        passing = middle;
      } else {
        failing = middle;
      }
    }
    return Quantities.quantity(passing);
  }

  /** Whether the call succeeds with {@code gas}; a call that cannot run at all is the error it gives. */
  private boolean succeeds(CallRequest call, long gas) throws JsonRpcException {
    CallResult result = call.run(chain, call.arguments().message(gas));
    if (result.status() == CallStatus.REJECTED) {
      throw CallFailures.of(result);
    }
    return result.success();
  }

  /** The most gas the sender's balance pays for at the call's fee cap, after its value; unlimited if unpriced. */
  private long affordable(CallRequest call) throws JsonRpcException {
    CallArguments arguments = call.arguments();
    Wei feeCap = arguments.feeCap();
    if (feeCap.isZero()) {
      return Long.MAX_VALUE;
    }
    Address from = arguments.from();
    Optional<Wei> overridden = Optional.ofNullable(call.overrides().get(from)).flatMap(AccountOverride::balance);
    Wei balance = overridden.isPresent() ? overridden.get()
        : chain.node().account(call.block().hash(), from).orElseThrow(chain::missingState)
            .balance();
    if (arguments.value().greaterThan(balance)) {
      throw new JsonRpcException(JsonRpcError.INVALID_INPUT, "insufficient funds for transfer");
    }
    BigInteger allowance = balance.subtract(arguments.value()).toBigInteger().divide(feeCap.toBigInteger());
    return allowance.bitLength() < 63 ? allowance.longValueExact() : Long.MAX_VALUE;
  }
}
