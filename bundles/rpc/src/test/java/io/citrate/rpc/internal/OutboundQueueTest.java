package io.citrate.rpc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class OutboundQueueTest {

  /** A client connection whose writes complete when the test says so, or at once. */
  static final class RecordingSink implements MessageSink {
    final List<String> written = new ArrayList<>();
    final List<Consumer<Throwable>> pending = new ArrayList<>();
    final boolean completeAtOnce;
    Integer closeCode;
    String closeReason;

    RecordingSink(boolean completeAtOnce) {
      this.completeAtOnce = completeAtOnce;
    }

    @Override
    public synchronized void send(String text, Consumer<Throwable> done) {
      written.add(text);
      if (completeAtOnce) {
        done.accept(null);
      } else {
        pending.add(done);
      }
    }

    @Override
    public synchronized void close(int code, String reason) {
      closeCode = code;
      closeReason = reason;
    }

    void completeOne() {
      Consumer<Throwable> done;
      synchronized (this) {
        done = pending.remove(0);
      }
      done.accept(null);
    }
  }

  @Test
  void writesEveryMessageInOrderWhenWritesCompleteAtOnce() {
    RecordingSink sink = new RecordingSink(true);
    OutboundQueue queue = new OutboundQueue(sink, 2, () -> { });
    for (int i = 0; i < 10_000; i++) {
      assertThat(queue.offer("m" + i)).isTrue();
    }
    assertThat(sink.written).hasSize(10_000).startsWith("m0", "m1").endsWith("m9999");
    assertThat(sink.closeCode).isNull();
  }

  @Test
  void writesOneAtATimeInOrderAsEachCompletes() {
    RecordingSink sink = new RecordingSink(false);
    OutboundQueue queue = new OutboundQueue(sink, 10, () -> { });
    queue.offer("a");
    queue.offer("b");
    queue.offer("c");
    assertThat(sink.written).containsExactly("a");
    assertThat(queue.queued()).isEqualTo(2);
    sink.completeOne();
    assertThat(sink.written).containsExactly("a", "b");
    sink.completeOne();
    sink.completeOne();
    assertThat(sink.written).containsExactly("a", "b", "c");
    assertThat(queue.queued()).isZero();
  }

  @Test
  void aClientThatFallsBehindIsDisconnectedWithAReasonAndNothingBlocks() {
    RecordingSink sink = new RecordingSink(false);
    AtomicInteger closed = new AtomicInteger();
    OutboundQueue queue = new OutboundQueue(sink, 3, closed::incrementAndGet);
    assertThat(queue.offer("in flight")).isTrue();
    for (int i = 0; i < 3; i++) {
      assertThat(queue.offer("queued " + i)).isTrue();
    }
    assertThat(queue.offer("one too many")).isFalse();
    assertThat(queue.isClosed()).isTrue();
    assertThat(queue.queued()).isZero();
    assertThat(sink.closeCode).isEqualTo(OutboundQueue.POLICY_VIOLATION);
    assertThat(sink.closeReason).isEqualTo("send queue exceeded 3 messages");
    assertThat(closed).hasValue(1);
    assertThat(queue.offer("after")).isFalse();
    sink.completeOne();
    assertThat(sink.written).containsExactly("in flight");
    assertThat(closed).hasValue(1);
  }

  @Test
  void aFailedWriteClosesTheQueueOnce() {
    AtomicInteger closed = new AtomicInteger();
    MessageSink failing = new MessageSink() {
      @Override
      public void send(String text, Consumer<Throwable> written) {
        written.accept(new IllegalStateException("connection reset"));
      }

      @Override
      public void close(int code, String reason) {
      }
    };
    OutboundQueue queue = new OutboundQueue(failing, 10, closed::incrementAndGet);
    queue.offer("a");
    assertThat(queue.isClosed()).isTrue();
    assertThat(queue.offer("b")).isFalse();
    queue.close();
    assertThat(closed).hasValue(1);
  }
}
