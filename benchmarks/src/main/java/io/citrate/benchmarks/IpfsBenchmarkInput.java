package io.citrate.benchmarks;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.ChaCha20ParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The deterministic input of the IPFS import benchmark, generated as it is read and never held whole. A 1 MiB pool
 * of Kubo's deterministic ChaCha20 stream (FORMAT.md's {@code chacha20} generator: key = SHA-256 of the seed, zero
 * nonce, counter 0) is repeated, and the first 8 bytes of every 4 KiB block are overwritten with the block's offset
 * (big-endian), so that no two chunks of a file are alike and no block store can deduplicate them. Producing it is
 * a copy, so it costs the import little; {@link IpfsImportBenchmark} measures that cost as a baseline all the same.
 * {@code peers/ipfs-importer/import-throughput.mjs} implements the same generator.
 */
final class IpfsBenchmarkInput {
  static final int POOL_BYTES = 1024 * 1024;
  static final int STAMP_INTERVAL = 4096;
  static final String LARGE_SEED = "citrate-ipfs-bench-large";
  static final String SMALL_SEED = "citrate-ipfs-bench-small";

  private final byte[] pool;

  IpfsBenchmarkInput(String seed) {
    pool = chacha20(seed, POOL_BYTES);
  }

  /** The first {@code size} bytes of Kubo's deterministic reader for {@code seed}. */
  static byte[] chacha20(String seed, int size) {
    try {
      byte[] key = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
      Cipher cipher = Cipher.getInstance("ChaCha20");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new ChaCha20ParameterSpec(new byte[12], 0));
      return cipher.doFinal(new byte[size]);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK lacks SHA-256 or ChaCha20", e);
    }
  }

  /** Writes the stream's bytes [offset, offset + length) into target from targetOffset on. */
  void fill(long offset, byte[] target, int targetOffset, int length) {
    int written = 0;
    while (written < length) {
      int at = (int) ((offset + written) % POOL_BYTES);
      int n = Math.min(length - written, POOL_BYTES - at);
      System.arraycopy(pool, at, target, targetOffset + written, n);
      written += n;
    }
    long end = offset + length;
    for (long block = offset - offset % STAMP_INTERVAL; block < end; block += STAMP_INTERVAL) {
      for (int k = 0; k < Long.BYTES; k++) {
        long position = block + k;
        if (position >= offset && position < end) {
          target[targetOffset + (int) (position - offset)] = (byte) (block >>> (56 - 8 * k));
        }
      }
    }
  }

  /** The first {@code size} bytes of the stream, produced as they are read. */
  InputStream open(long size) {
    return new InputStream() {
      private long position;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] target, int targetOffset, int length) {
        Objects.checkFromIndexSize(targetOffset, length, target.length);
        if (length == 0) {
          return 0;
        }
        if (position >= size) {
          return -1;
        }
        int n = (int) Math.min(length, size - position);
        fill(position, target, targetOffset, n);
        position += n;
        return n;
      }

      @Override
      public int available() {
        return (int) Math.min(Integer.MAX_VALUE, size - position);
      }
    };
  }

  /** One small file of the directory workload. */
  record SmallFile(String name, byte[] content) {}

  /** File i holds 1 KiB to 8 KiB, the next bytes of one continuous stream; its name is file-NNNNN.bin. */
  static List<SmallFile> smallFiles(int count) {
    IpfsBenchmarkInput input = new IpfsBenchmarkInput(SMALL_SEED);
    List<SmallFile> files = new ArrayList<>(count);
    long offset = 0;
    for (int i = 0; i < count; i++) {
      byte[] content = new byte[1024 + (int) ((i * 7919L) % 7169)];
      input.fill(offset, content, 0, content.length);
      offset += content.length;
      files.add(new SmallFile(String.format("file-%05d.bin", i), content));
    }
    return files;
  }
}
