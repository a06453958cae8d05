package io.citrate.store.internal;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jetbrains.exodus.core.dataStructures.Priority;
import jetbrains.exodus.core.execution.Job;
import jetbrains.exodus.env.EnvironmentImpl;
import jetbrains.exodus.gc.GarbageCollector;
import jetbrains.exodus.io.DataReader;
import jetbrains.exodus.io.DataWriter;
import jetbrains.exodus.log.AbstractBlockListener;
import jetbrains.exodus.log.Log;

/**
 * Rewrites every log file but the newest so that only live data remains, then waits for the cleaned
 * files to be deleted. Cleaning runs as a job on the collector's own thread, as Xodus requires, and
 * deletion goes through the collector's safe path: after the GC transaction is synced and once no
 * reader still sees the old files.
 */
final class LogCompactor {
  private final EnvironmentImpl environment;
  private final Duration deletionWait;
  private final Set<Long> awaitingDeletion = new HashSet<>();

  LogCompactor(EnvironmentImpl environment, Duration deletionWait) {
    this.environment = environment;
    this.deletionWait = deletionWait;
    environment.getLog().addBlockListener(new AbstractBlockListener() {
      @Override
      public void afterBlockDeleted(long address, DataReader reader, DataWriter writer) {
        synchronized (awaitingDeletion) {
          awaitingDeletion.remove(address);
          awaitingDeletion.notifyAll();
        }
      }
    });
  }

  /**
   * Cleans the log; returns whether every cleaned file was deleted within the wait (false when a reader
   * still holds them: they go once it finishes).
   */
  boolean compact(Duration cleaningTimeout) throws InterruptedException, TimeoutException {
    GarbageCollector collector = environment.getGC();
    CompletableFuture<Set<Long>> cleaning = new CompletableFuture<>();
    Job cleanAll = new Job() {
      @Override
      protected void execute() {
        try {
          cleaning.complete(cleanAllButNewest(collector));
        } catch (RuntimeException | Error failure) {
          cleaning.completeExceptionally(failure);
        }
      }
    };
    if (!collector.getCleanerJobProcessor().queue(cleanAll, Priority.highest)) {
      throw new IllegalStateException("the garbage collector does not accept work");
    }
    Set<Long> cleaned;
    try {
      cleaned = cleaning.get(cleaningTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException failure) {
      throw new IllegalStateException("log cleaning failed: " + failure.getCause().getMessage(), failure.getCause());
    }
    return awaitDeletion(cleaned);
  }

  private Set<Long> cleanAllButNewest(GarbageCollector collector) {
    Log log = environment.getLog();
    long newest = log.getHighFileAddress();
    Set<Long> cleaned = new HashSet<>();
    for (long file : log.getAllFileAddresses()) {
      // A file already cleaned and waiting for deletion has no free bytes left.
      if (file != newest && collector.getFileFreeBytes(file) > 0) {
        synchronized (awaitingDeletion) {
          awaitingDeletion.add(file);
        }
        try {
          collector.doCleanFile(file);
        } catch (RuntimeException failure) {
          synchronized (awaitingDeletion) {
            awaitingDeletion.remove(file);
          }
          throw failure;
        }
        cleaned.add(file);
      }
    }
    return cleaned;
  }

  private boolean awaitDeletion(Set<Long> cleaned) throws InterruptedException {
    long deadline = System.nanoTime() + deletionWait.toNanos();
    synchronized (awaitingDeletion) {
      while (cleaned.stream().anyMatch(awaitingDeletion::contains)) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(awaitingDeletion, remaining);
      }
    }
    return true;
  }
}
