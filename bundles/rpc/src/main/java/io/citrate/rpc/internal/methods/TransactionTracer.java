package io.citrate.rpc.internal.methods;

import com.fasterxml.jackson.databind.JsonNode;
import io.citrate.node.api.AcceptedTransaction;
import io.citrate.vm.api.ExecutionTracer;

/** A tracer {@code debug_traceTransaction} runs: it watches one replay, then answers what the client sees. */
interface TransactionTracer extends ExecutionTracer {
  /** The trace of {@code traced}, once its replay is over. */
  JsonNode result(AcceptedTransaction traced);
}
