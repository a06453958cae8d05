package io.citrate.vm.internal.processor;

import io.citrate.core.api.Hash;
import io.citrate.core.api.crypto.Keccak256;
import io.citrate.vm.api.Log;
import java.util.List;

/** The 2048-bit bloom filter of a receipt: three bits per log address and topic, from their Keccak-256. */
public final class LogsBloom {
  public static final int SIZE = 256;

  private LogsBloom() {}

  public static byte[] of(List<Log> logs) {
    byte[] bloom = new byte[SIZE];
    for (Log log : logs) {
      add(bloom, log.address().unsafeBytes());
      for (Hash topic : log.topics()) {
        add(bloom, topic.unsafeBytes());
      }
    }
    return bloom;
  }

  private static void add(byte[] bloom, byte[] value) {
    byte[] hash = Keccak256.hash(value).unsafeBytes();
    for (int i = 0; i < 6; i += 2) {
      int bit = (((hash[i] & 0xff) << 8) | (hash[i + 1] & 0xff)) & 2047;
      bloom[SIZE - 1 - bit / 8] |= (byte) (1 << (bit % 8));
    }
  }
}
