package io.citrate.rpc.internal.methods;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.citrate.core.api.Address;
import io.citrate.core.api.tx.Transaction;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;
import io.citrate.txpool.api.TransactionPool;

/**
 * {@code txpool_inspect}: {@code txpool_content} summarised for people, one line per transaction in geth's words:
 * {@code "0xRecipient: 1000 wei + 21000 gas × 2000000000 wei"} (value, gas limit, fee cap), or
 * {@code "contract creation: ..."}.
 */
public final class TxpoolInspect implements JsonRpcMethod {
  private final TransactionPool pool;

  public TxpoolInspect(TransactionPool pool) {
    this.pool = pool;
  }

  @Override
  public String name() {
    return "txpool_inspect";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(0);
    return PoolListing.of(pool, transaction -> JsonNodeFactory.instance.textNode(summary(transaction)));
  }

  static String summary(Transaction transaction) {
    String recipient = transaction.to().map(Address::toChecksumHex).orElse("contract creation");
    return recipient + ": " + transaction.value().toBigInteger() + " wei + "
        + Long.toUnsignedString(transaction.gasLimit()) + " gas × " + transaction.gasFeeCap().toBigInteger() + " wei";
  }
}
