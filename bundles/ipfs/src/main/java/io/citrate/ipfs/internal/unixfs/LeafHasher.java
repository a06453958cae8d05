package io.citrate.ipfs.internal.unixfs;

import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Hashes blocks with SHA-256 on worker threads while the caller reads the next ones, and hands each block with its
 * digest to a consumer on the caller's thread, in submission order. SHA-256 is the import's bottleneck, so the
 * reading, framing and tree building of one chunk overlap with the hashing of the chunks before it. At most
 * {@link #window} blocks are in flight, which bounds the memory used. Small chunks, or a single processor, are
 * hashed inline: handing them to a thread would cost more than it saves.
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

  private LeafHasher(BiConsumer<T, byte[]> consumer, int workerCount) {
    this.consumer = consumer;
    this.workers = workerCount == 0 ? null : Executors.newFixedThreadPool(workerCount, task -> {
      Thread thread = new Thread(task, "ipfs-import-hash-" + THREAD_NUMBER.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    this.window = 2 * workerCount;
  }

  /** A hasher for blocks of about {@code chunkSize} bytes, feeding {@code consumer}. */
  static <T> LeafHasher<T> start(int chunkSize, BiConsumer<T, byte[]> consumer) {
    int processors = Runtime.getRuntime().availableProcessors();
    boolean parallel = processors > 1 && chunkSize >= MIN_PARALLEL_CHUNK;
    return new LeafHasher<>(consumer, parallel ? Math.min(processors, MAX_WORKERS) : 0);
  }

  /** Hashes {@code block}; {@code item} reaches the consumer with its digest once the blocks before it have. */
  void submit(byte[] block, T item) throws InterruptedIOException {
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

  /** Stops the workers; blocks still in flight (after a failure) are dropped. */
  @Override
  public void close() {
    if (workers != null) {
      workers.shutdownNow();
    }
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
