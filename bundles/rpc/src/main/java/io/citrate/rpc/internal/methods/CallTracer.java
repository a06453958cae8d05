package io.citrate.rpc.internal.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.tx.Transaction;
import io.citrate.node.api.AcceptedTransaction;
import io.citrate.vm.api.CallType;
import io.citrate.vm.api.FrameEnd;
import io.citrate.vm.api.FrameStart;
import io.citrate.vm.api.Log;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * geth's {@code callTracer}: the transaction as a tree of call frames, {@code {type, from, to, value, gas, gasUsed,
 * input, output, error, revertReason, calls, logs}} with quantities and data in 0x-hex. The top frame's gas is the
 * transaction's gas limit and its gas used the receipt's; {@code onlyTopCall} keeps the top frame alone and
 * {@code withLog} lists each frame's logs with their position among its calls, dropping those of failed frames.
 */
final class CallTracer implements TransactionTracer {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final boolean onlyTopCall;
  private final boolean withLog;
  private final Deque<Frame> running = new ArrayDeque<>();
  /** Depth of the frame running now, counted even where {@code onlyTopCall} keeps no frame for it. */
  private int depth = -1;
  private Frame top;

  CallTracer(boolean onlyTopCall, boolean withLog) {
    this.onlyTopCall = onlyTopCall;
    this.withLog = withLog;
  }

  @Override
  public void enterFrame(FrameStart start) {
    depth++;
    if (onlyTopCall && depth > 0) {
      return;
    }
    Frame frame = new Frame(start);
    if (running.isEmpty()) {
      top = frame;
    } else {
      running.peek().calls.add(frame);
    }
    running.push(frame);
  }

  @Override
  public void log(Log log) {
    if (withLog && !(onlyTopCall && depth > 0)) {
      Frame frame = running.peek();
      frame.logs.add(new PositionedLog(log, frame.calls.size()));
    }
  }

  @Override
  public void exitFrame(FrameEnd end) {
    depth--;
    if (onlyTopCall && end.depth() > 0) {
      return;
    }
    running.pop().end = end;
  }

  @Override
  public JsonNode result(AcceptedTransaction traced) {
    Transaction transaction = traced.transaction();
    if (top == null) {
      // No frame ran: a creation whose address was already taken fails before its code starts.
      ObjectNode frame = NODES.objectNode();
      frame.put("type", transaction.isContractCreation() ? CallType.CREATE.name() : CallType.CALL.name());
      frame.put("from", transaction.sender().toHex());
      transaction.to().ifPresent(to -> frame.put("to", to.toHex()));
      frame.put("value", quantity(transaction.value()));
      frame.put("gas", Quantities.quantity(transaction.gasLimit()));
      frame.put("gasUsed", Quantities.quantity(traced.receipt().gasUsed()));
      frame.put("input", Bytes.toHex(transaction.data()));
      if (!traced.receipt().success()) {
        frame.put("error", "contract address collision");
      }
      return frame;
    }
    return top.toJson(transaction.gasLimit(), traced.receipt().gasUsed(), false);
  }

  private static String quantity(Wei value) {
    return Quantities.quantity(value.toBigInteger());
  }

  private record PositionedLog(Log log, int position) {}

  /** One frame of the tree: what it started with, its sub-calls and logs as they came, and how it ended. */
  private static final class Frame {
    private final FrameStart start;
    private final List<Frame> calls = new ArrayList<>();
    private final List<PositionedLog> logs = new ArrayList<>();
    private FrameEnd end;

    private Frame(FrameStart start) {
      this.start = start;
    }

    /** This frame as geth writes it; {@code insideFailure} when a frame around it failed, undoing its logs. */
    private ObjectNode toJson(long gas, long gasUsed, boolean insideFailure) {
      boolean failed = insideFailure || !end.success();
      CallType type = start.type();
      ObjectNode json = NODES.objectNode();
      json.put("type", type.name());
      json.put("from", start.from().toHex());
      // A creation that failed deployed nothing: geth names no address.
      if (!(type.isCreation() && !end.success())) {
        json.put("to", start.to().toHex());
      }
      if (type != CallType.STATICCALL) {
        json.put("value", quantity(start.value()));
      }
      json.put("gas", Quantities.quantity(gas));
      json.put("gasUsed", Quantities.quantity(gasUsed));
      json.put("input", Bytes.toHex(start.input()));
      byte[] output = end.output();
      if (end.success() || (end.reverted() && output.length > 0)) {
        json.put("output", Bytes.toHex(output));
      }
      end.error().ifPresent(error -> json.put("error", error));
      if (end.reverted()) {
        RevertReasons.decode(output).ifPresent(reason -> json.put("revertReason", reason));
      }
      if (!calls.isEmpty()) {
        ArrayNode children = json.putArray("calls");
        for (Frame call : calls) {
          children.add(call.toJson(call.start.gas(), call.end.gasUsed(), failed));
        }
      }
      if (!logs.isEmpty() && !failed) {
        ArrayNode entries = json.putArray("logs");
        for (PositionedLog positioned : logs) {
          ObjectNode entry = entries.addObject();
          entry.put("address", positioned.log().address().toHex());
          ArrayNode topics = entry.putArray("topics");
          for (Hash topic : positioned.log().topics()) {
            topics.add(topic.toString());
          }
          entry.put("data", Bytes.toHex(positioned.log().data()));
          entry.put("position", Quantities.quantity(positioned.position()));
        }
      }
      return json;
    }
  }
}
