package io.citrate.ipfs.internal.pin;

import io.citrate.ipfs.api.Cid;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A backend whose attempts follow a script: fail retryably so many times, fail for good, or hang until released. */
final class ScriptedBackend implements PinBackend {
  private final String name;
  private final Deque<RuntimeException> failures = new ArrayDeque<>();
  final List<Long> attemptTimes = Collections.synchronizedList(new ArrayList<>());
  final List<Cid> pinned = Collections.synchronizedList(new ArrayList<>());
  final List<Cid> unpinned = Collections.synchronizedList(new ArrayList<>());
  private volatile CountDownLatch hang;

  ScriptedBackend(String name) {
    this.name = name;
  }

  /** The next {@code times} attempts fail retryably. */
  ScriptedBackend failing(int times) {
    for (int i = 0; i < times; i++) {
      failures.add(new PinAttemptException(name + " unavailable (attempt " + (i + 1) + ")", true));
    }
    return this;
  }

  ScriptedBackend failingFor(RuntimeException failure) {
    failures.add(failure);
    return this;
  }

  /** Attempts block until {@link #release()}. */
  ScriptedBackend hanging() {
    hang = new CountDownLatch(1);
    return this;
  }

  void release() {
    hang.countDown();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void pin(Cid cid, String pinName) {
    attemptTimes.add(System.nanoTime());
    CountDownLatch latch = hang;
    if (latch != null) {
      try {
        latch.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    RuntimeException failure;
    synchronized (failures) {
      failure = failures.poll();
    }
    if (failure != null) {
      throw failure;
    }
    pinned.add(cid);
  }

  @Override
  public void unpin(Cid cid) {
    unpinned.add(cid);
  }
}
