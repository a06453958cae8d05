package io.citrate.rpc.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The messages on their way to one client, written one at a time in the order offered. Offering never blocks:
 * when more than {@code maxQueued} messages wait behind the one being written, the client is not reading fast
 * enough; it is disconnected with a close reason and everything still queued is dropped, so a slow client costs
 * the node bounded memory and never holds up the thread that feeds every client.
 */
public final class OutboundQueue {
  /** RFC 6455 close code 1008: the client broke the endpoint's policy (it reads too slowly). */
  public static final int POLICY_VIOLATION = 1008;
  private static final Logger LOG = LoggerFactory.getLogger(OutboundQueue.class);

  private final MessageSink sink;
  private final int maxQueued;
  private final Runnable onClosed;
  private final Deque<String> queue = new ArrayDeque<>();
  private boolean writing;
  private boolean closed;

  /** {@code onClosed} runs once when this queue stops delivering, for whatever reason. */
  public OutboundQueue(MessageSink sink, int maxQueued, Runnable onClosed) {
    this.sink = sink;
    this.maxQueued = maxQueued;
    this.onClosed = onClosed;
  }

  /** Queues {@code message} for the client; false when the connection is closed, or is closed for it now. */
  public boolean offer(String message) {
    boolean overflow = false;
    synchronized (this) {
      if (closed) {
        return false;
      }
      if (queue.size() >= maxQueued) {
        overflow = true;
        closed = true;
        queue.clear();
      } else {
        queue.addLast(message);
        if (writing) {
          return true;
        }
        writing = true;
      }
    }
    if (overflow) {
      LOG.info("WebSocket client disconnected: more than {} messages waited to be sent", maxQueued);
      sink.close(POLICY_VIOLATION, "send queue exceeded " + maxQueued + " messages");
      onClosed.run();
      return false;
    }
    writeQueued();
    return true;
  }

  /** Stops delivering: the connection is gone. */
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      queue.clear();
    }
    onClosed.run();
  }

  public synchronized boolean isClosed() {
    return closed;
  }

  /** Messages waiting behind the one being written. */
  public synchronized int queued() {
    return queue.size();
  }

  /**
   * Writes queued messages until the queue is empty or a write stays pending; a pending write's completion
   * carries on from there. A loop rather than recursion, so writes that complete at once do not nest.
   */
  private void writeQueued() {
    while (true) {
      String next;
      synchronized (this) {
        next = closed ? null : queue.pollFirst();
        if (next == null) {
          writing = false;
          return;
        }
      }
      AtomicBoolean handOver = new AtomicBoolean();
      sink.send(next, failure -> {
        if (failure != null) {
          LOG.debug("WebSocket write failed; the connection is dropped", failure);
          close();
        } else if (!handOver.compareAndSet(false, true)) {
          writeQueued();
        }
      });
      if (handOver.compareAndSet(false, true)) {
        return;
      }
    }
  }
}
