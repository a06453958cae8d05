package io.citrate.ipfs.internal.unixfs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.spec.ChaCha20ParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The content generators of the conformance vectors (testdata/ipfs/FORMAT.md), as streams: the content is made as
 * it is read, so a multi-GiB vector never sits in memory or on disk.
 */
final class ContentGenerators {
  private ContentGenerators() {}

  /** The stream a vector's {@code generator} object describes. */
  static InputStream of(JsonNode generator) {
    String kind = generator.path("kind").asText();
    long size = generator.path("size").asLong(-1);
    if (size < 0) {
      throw new IllegalArgumentException("generator without a size: " + generator);
    }
    return switch (kind) {
      case "chacha20" -> chacha20(generator.path("seed").asText(), size);
      case "xorshift32" -> xorshift32(generator.path("seed").asLong(), size);
      case "affine" -> affine(size);
      default -> throw new IllegalArgumentException("unknown generator kind '" + kind + "'");
    };
  }

  /** Kubo's deterministic reader: the ChaCha20 keystream under SHA-256(seed), a zero nonce, counter 0. */
  static InputStream chacha20(String seed, long size) {
    Cipher cipher;
    try {
      byte[] key = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
      cipher = Cipher.getInstance("ChaCha20");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new ChaCha20ParameterSpec(new byte[12], 0));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ChaCha20 is part of every Java 11+ platform", e);
    }
    byte[] zeros = new byte[64 * 1024];
    return new GeneratedStream(size) {
      @Override
      void fill(byte[] target, int offset, int length) {
        try {
          for (int done = 0; done < length; ) {
            int step = Math.min(zeros.length, length - done);
            done += cipher.update(zeros, 0, step, target, offset + done);
          }
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException("ChaCha20 keystream failed", e);
        }
      }
    };
  }

  /** x ^= x << 13; x ^= x >>> 17; x ^= x << 5 (mod 2^32), one output byte (x & 0xFF) per step. */
  static InputStream xorshift32(long seed, long size) {
    return new GeneratedStream(size) {
      private int state = (int) seed;

      @Override
      void fill(byte[] target, int offset, int length) {
        int x = state;
        for (int index = offset; index < offset + length; index++) {
          x ^= x << 13;
          x ^= x >>> 17;
          x ^= x << 5;
          target[index] = (byte) x;
        }
        state = x;
      }
    };
  }

  /** Byte i is (i * 31 + 7) mod 256. */
  static InputStream affine(long size) {
    return new GeneratedStream(size) {
      @Override
      void fill(byte[] target, int offset, int length) {
        long first = position();
        for (int index = 0; index < length; index++) {
          target[offset + index] = (byte) ((first + index) * 31 + 7);
        }
      }
    };
  }

  /** A stream of exactly {@code size} bytes, made by {@link #fill} in order. */
  private abstract static class GeneratedStream extends InputStream {
    private final long size;
    private long position;

    GeneratedStream(long size) {
      this.size = size;
    }

    /** Writes the next {@code length} bytes of the content; {@link #position} is where they start. */
    abstract void fill(byte[] target, int offset, int length);

    long position() {
      return position;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
      if (length == 0) {
        return 0;
      }
      if (position == size) {
        return -1;
      }
      int count = (int) Math.min(length, size - position);
      fill(target, offset, count);
      position += count;
      return count;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }
  }
}
