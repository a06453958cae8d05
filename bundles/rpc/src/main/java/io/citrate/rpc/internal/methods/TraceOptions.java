package io.citrate.rpc.internal.methods;

import com.fasterxml.jackson.databind.JsonNode;
import io.citrate.rpc.api.JsonRpcException;

/**
 * The options of {@code debug_traceTransaction}, as geth's {@code TraceConfig} takes them: which tracer, what the
 * struct logger captures, and the call tracer's {@code tracerConfig}. Fields geth reads elsewhere ({@code timeout},
 * {@code reexec}) are ignored, as geth ignores fields it does not know.
 *
 * @param tracer the named tracer; null for the struct logger
 * @param disableStack struct logs without stacks
 * @param disableStorage struct logs without the storage SLOAD and SSTORE touched
 * @param enableMemory struct logs with memory
 * @param enableReturnData struct logs with the last call's return data
 * @param onlyTopCall the call tracer follows no call below the transaction's own
 * @param withLog the call tracer lists each frame's logs
 */
record TraceOptions(String tracer, boolean disableStack, boolean disableStorage, boolean enableMemory,
    boolean enableReturnData, boolean onlyTopCall, boolean withLog) {
  static final String CALL_TRACER = "callTracer";
  static final TraceOptions DEFAULT = new TraceOptions(null, false, false, false, false, false, false);

  /** The options object {@code value}, absent for the defaults; anything malformed is an invalid-params error. */
  static TraceOptions parse(JsonNode value) throws JsonRpcException {
    if (value == null) {
      return DEFAULT;
    }
    if (!value.isObject()) {
      throw JsonRpcException.invalidParams("trace options: an object");
    }
    String tracer = null;
    JsonNode name = value.get("tracer");
    if (name != null && !name.isNull()) {
      if (!name.isTextual()) {
        throw JsonRpcException.invalidParams("trace options: tracer must be a string");
      }
      if (!name.asText().equals(CALL_TRACER)) {
        throw JsonRpcException.invalidParams("tracer not found: \"" + name.asText()
            + "\"; this node has \"" + CALL_TRACER + "\", or the struct logger when no tracer is named");
      }
      tracer = CALL_TRACER;
    }
    JsonNode tracerConfig = value.get("tracerConfig");
    boolean onlyTopCall = false;
    boolean withLog = false;
    if (tracerConfig != null && !tracerConfig.isNull()) {
      if (!tracerConfig.isObject()) {
        throw JsonRpcException.invalidParams("trace options: tracerConfig must be an object");
      }
      onlyTopCall = flag(tracerConfig, "onlyTopCall");
      withLog = flag(tracerConfig, "withLog");
    }
    return new TraceOptions(tracer, flag(value, "disableStack"), flag(value, "disableStorage"),
        flag(value, "enableMemory"), flag(value, "enableReturnData"), onlyTopCall, withLog);
  }

  boolean isCallTracer() {
    return CALL_TRACER.equals(tracer);
  }

  private static boolean flag(JsonNode options, String name) throws JsonRpcException {
    JsonNode value = options.get(name);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw JsonRpcException.invalidParams("trace options: " + name + " must be true or false");
    }
    return value.booleanValue();
  }
}
