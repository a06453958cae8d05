package io.citrate.ipfs.internal.unixfs;

import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Hashes blocks with SHA-256 on worker threads while the caller reads the next ones, and hands each block with its
 * digest to a consumer on the caller's thread, in submission order. SHA-256 is the import's bottleneck, so the
 * reading, framing and tree building of one chunk overlap with the hashing of the chunks before it. At most
 * {@link #window} blocks are in flight, which bounds the memory used. Small chunks, or a single processor, are
 * hashed inline: handing them to a thread would cost more than it saves.
 *
 * <p>The workers belong to a {@link Workers} pool that one importer keeps across its files (a directory of many
 * middle-sized files starts them once); they stop by themselves when idle.
 */
final class LeafHasher<T> implements AutoCloseable {
  /** Below this chunk size a hand-off between threads costs more than hashing the chunk. */
  static final int MIN_PARALLEL_CHUNK = 32 * 1024;
  private static final int MAX_WORKERS = 4;
  private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

  private final BiConsumer<T, byte[]> consumer;
  private final ExecutorService workers;
  private final int window;
  private final ArrayDeque<Future<byte[]>> digests = new ArrayDeque<>();
  private final ArrayDeque<T> items = new ArrayDeque<>();

  private LeafHasher(BiConsumer<T, byte[]> consumer, Workers workers) {
    this.consumer = consumer;
    this.workers = workers == null ? null : workers.executor;
    this.window = workers == null ? 0 : 2 * workers.count;
  }

  /** Hashing threads, started on first use and stopping after a second without work. */
  static final class Workers {
    private final int count;
    private final ThreadPoolExecutor executor;

    private Workers(int count) {
      this.count = count;
      this.executor = new ThreadPoolExecutor(count, count, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
          task -> {
            Thread thread = new Thread(task, "ipfs-import-hash-" + THREAD_NUMBER.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });
      executor.allowCoreThreadTimeOut(true);
    }

    /** Workers for blocks of about {@code chunkSize} bytes, or null where hashing inline is as fast. */
    static Workers forChunkSize(int chunkSize) {
      int processors = Runtime.getRuntime().availableProcessors();
      if (processors < 2 || chunkSize < MIN_PARALLEL_CHUNK) {
        return null;
      }
      return new Workers(Math.min(processors, MAX_WORKERS));
    }
  }

  /** A hasher feeding {@code consumer}, on {@code workers} or inline when they are null. */
  static <T> LeafHasher<T> start(Workers workers, BiConsumer<T, byte[]> consumer) {
    return new LeafHasher<>(consumer, workers);
  }

  /**
   * Hashes {@code block}; {@code item} reaches the consumer with its digest once the blocks before it have. An
   * interrupted caller gets an {@link InterruptedIOException}, so a long import can be abandoned.
   */
  void submit(byte[] block, T item) throws InterruptedIOException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedIOException("interrupted while importing the content");
    }
    if (workers == null) {
      consumer.accept(item, sha256(block));
      return;
    }
    digests.add(workers.submit(() -> sha256(block)));
    items.add(item);
    if (digests.size() > window) {
      deliverOldest();
    }
  }

  /** Waits for every block submitted and hands it on. */
  void drain() throws InterruptedIOException {
    while (!digests.isEmpty()) {
      deliverOldest();
    }
  }

  private void deliverOldest() throws InterruptedIOException {
    byte[] digest;
    try {
      digest = digests.peek().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while hashing the content");
    } catch (ExecutionException e) {
      throw new IllegalStateException("hashing a block failed", e.getCause());
    }
    digests.remove();
    consumer.accept(items.remove(), digest);
  }

  /** Drops the blocks still in flight (after a failure): those not yet started are never hashed. */
  @Override
  public void close() {
    for (Future<byte[]> digest : digests) {
      digest.cancel(false);
    }
    digests.clear();
    items.clear();
  }

  static byte[] sha256(byte[] block) {
    return newSha256().digest(block);
  }

  static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
