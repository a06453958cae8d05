package io.citrate.rpc.internal.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.node.api.AcceptedTransaction;
import io.citrate.vm.api.ExecutionStep;
import io.citrate.vm.api.FrameEnd;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * geth's default tracer, the struct logger: one entry per operation, {@code {pc, op, gas, gasCost, depth, error?,
 * stack?, returnData?, memory?, storage?, refund?}}, numbers in decimal, stack items as 0x-hex quantities, memory as
 * 32-byte words and storage as 32-byte keys and values in hex without 0x; storage is what SLOAD and SSTORE touched
 * in the running contract so far, shown on those two operations. Within its {@link TraceLimits}: the operation that
 * would pass one ends the replay with a {@link TraceLimitException}.
 */
final class StructLogger implements TransactionTracer {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int SLOAD = 0x54;
  private static final int SSTORE = 0x55;
  private static final int WORD = 32;
  /** What an entry and each string in it take beyond their characters, roughly: object headers and references. */
  private static final int ENTRY_OVERHEAD = 200;
  private static final int STRING_OVERHEAD = 48;

  private final TraceOptions options;
  private final TraceLimits limits;
  private long recordedBytes;
  private final ArrayNode structLogs = NODES.arrayNode();
  /** Per contract, the slots SLOAD and SSTORE touched, as geth's logger accumulates them. */
  private final Map<Address, Map<String, String>> storage = new HashMap<>();
  private Pending pending;
  private byte[] returnValue = Bytes.EMPTY;

  StructLogger(TraceOptions options, TraceLimits limits) {
    this.options = options;
    this.limits = limits;
  }

  @Override
  public void beforeOperation(ExecutionStep step) {
    if (structLogs.size() >= limits.maxSteps()) {
      throw new TraceLimitException("the trace exceeds " + limits.maxSteps()
          + " steps, the most this node records (trace.max.steps in io.citrate.rpc)");
    }
    long bytes = ENTRY_OVERHEAD;
    Pending entry = new Pending();
    entry.pc = step.pc();
    entry.op = step.operationName();
    entry.gas = step.gasRemaining();
    entry.depth = step.depth() + 1;
    if (!options.disableStack()) {
      entry.stack = NODES.arrayNode(step.stackSize());
      for (int depth = step.stackSize() - 1; depth >= 0; depth--) {
        String item = "0x" + new BigInteger(1, step.stackItem(depth)).toString(16);
        entry.stack.add(item);
        bytes += STRING_OVERHEAD + item.length();
      }
    }
    if (options.enableReturnData()) {
      byte[] returnData = step.returnData();
      entry.returnData = returnData.length == 0 ? null : Bytes.toHex(returnData);
      bytes += STRING_OVERHEAD + 2L * returnData.length;
    }
    if (options.enableMemory()) {
      entry.memory = memoryWords(step.memory());
      bytes += entry.memory == null ? 0 : entry.memory.size() * (STRING_OVERHEAD + 2L * WORD);
    }
    if (!options.disableStorage()) {
      entry.storage = touchedStorage(step);
      bytes += entry.storage == null ? 0 : entry.storage.size() * 2L * (STRING_OVERHEAD + 2L * WORD);
    }
    entry.refund = step.refund();
    recordedBytes += bytes;
    if (recordedBytes > limits.maxBytes()) {
      throw new TraceLimitException("the trace exceeds " + limits.maxBytes()
          + " bytes, the most this node records (trace.max.bytes in io.citrate.rpc)");
    }
    pending = entry;
  }

  @Override
  public void afterOperation(long gasCost, Optional<String> error) {
    Pending entry = pending;
    pending = null;
    ObjectNode log = structLogs.addObject();
    log.put("pc", entry.pc);
    log.put("op", entry.op);
    log.put("gas", entry.gas);
    log.put("gasCost", gasCost);
    log.put("depth", entry.depth);
    error.ifPresent(message -> log.put("error", message));
    if (entry.stack != null) {
      log.set("stack", entry.stack);
    }
    if (entry.returnData != null) {
      log.put("returnData", entry.returnData);
    }
    if (entry.memory != null) {
      log.set("memory", entry.memory);
    }
    if (entry.storage != null) {
      log.set("storage", entry.storage);
    }
    if (entry.refund != 0) {
      log.put("refund", entry.refund);
    }
  }

  @Override
  public void exitFrame(FrameEnd frame) {
    if (frame.depth() == 0) {
      returnValue = frame.output();
    }
  }

  @Override
  public JsonNode result(AcceptedTransaction traced) {
    ObjectNode result = NODES.objectNode();
    result.put("gas", traced.receipt().gasUsed());
    result.put("failed", !traced.receipt().success());
    result.put("returnValue", Bytes.toHex(returnValue));
    result.set("structLogs", structLogs);
    return result;
  }

  private static ArrayNode memoryWords(byte[] memory) {
    if (memory.length == 0) {
      return null;
    }
    ArrayNode words = NODES.arrayNode(memory.length / WORD);
    for (int offset = 0; offset + WORD <= memory.length; offset += WORD) {
      words.add(Bytes.toHexNoPrefix(Arrays.copyOfRange(memory, offset, offset + WORD)));
    }
    return words;
  }

  /** After SLOAD or SSTORE, the running contract's touched slots including this one; null for other operations. */
  private ObjectNode touchedStorage(ExecutionStep step) {
    int opcode = step.opcode();
    if (opcode == SLOAD && step.stackSize() >= 1) {
      byte[] key = step.stackItem(0);
      slots(step.contract()).put(Bytes.toHexNoPrefix(key), Bytes.toHexNoPrefix(step.storage(key)));
    } else if (opcode == SSTORE && step.stackSize() >= 2) {
      slots(step.contract()).put(Bytes.toHexNoPrefix(step.stackItem(0)), Bytes.toHexNoPrefix(step.stackItem(1)));
    } else {
      return null;
    }
    ObjectNode copy = NODES.objectNode();
    slots(step.contract()).forEach(copy::put);
    return copy;
  }

  private Map<String, String> slots(Address contract) {
    return storage.computeIfAbsent(contract, address -> new LinkedHashMap<>());
  }

  /** What is captured before an operation runs, waiting for its cost. */
  private static final class Pending {
    private int pc;
    private String op;
    private long gas;
    private int depth;
    private ArrayNode stack;
    private String returnData;
    private ArrayNode memory;
    private ObjectNode storage;
    private long refund;
  }
}
