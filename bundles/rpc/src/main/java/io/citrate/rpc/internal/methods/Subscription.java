package io.citrate.rpc.internal.methods;

/** What an {@code eth_subscribe} asked to be told about. */
sealed interface Subscription {

  /** Each block that joins the selected chain, as its header; after a reorganisation, the new chain's blocks. */
  record NewHeads() implements Subscription {}

  /** The logs of blocks joining the selected chain that {@code filter} wants, and those of blocks leaving it again. */
  record Logs(LogFilter filter) implements Subscription {}

  /** Each transaction the pool takes: its hash, or the whole transaction when {@code full}. */
  record PendingTransactions(boolean full) implements Subscription {}
}
