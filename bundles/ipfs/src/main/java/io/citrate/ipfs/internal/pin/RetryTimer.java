package io.citrate.ipfs.internal.pin;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The timer on which Camel schedules the pin queue's retries. A waiting retry keeps its exchange in flight, and
 * Camel's graceful stop waits for exchanges in flight, so stopping would wait out every backoff (minutes) or time
 * out; {@link #releaseWaiting} instead runs each waiting retry at once, which the queue then ends without an
 * attempt, leaving the pin to resume at the next start.
 */
final class RetryTimer {
  /** Its one thread ends after this long without a retry, so an idle or abandoned timer holds no thread. */
  private static final long IDLE_SECONDS = 30;

  private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
    Thread thread = new Thread(task, "ipfs-pin-retry");
    thread.setDaemon(true);
    return thread;
  });

  RetryTimer() {
    executor.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
    executor.allowCoreThreadTimeOut(true);
  }

  ScheduledExecutorService executor() {
    return executor;
  }

  /** Runs every waiting retry now, on the calling thread. */
  void releaseWaiting() {
    for (Runnable waiting : executor.getQueue().toArray(new Runnable[0])) {
      if (executor.remove(waiting)) {
        waiting.run();
      }
    }
  }
}
