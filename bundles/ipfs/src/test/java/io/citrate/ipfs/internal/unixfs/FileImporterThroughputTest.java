package io.citrate.ipfs.internal.unixfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.ipfs.api.ImportOptions;
import io.citrate.ipfs.api.ImportResult;
import io.citrate.ipfs.internal.block.BlockSink;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A timing run, not a check: the import's throughput (ids only, {@link BlockSink#DISCARD}) beside the machine's
 * single-thread SHA-256 throughput, on content served from memory so that neither disk nor generator is measured;
 * and a directory of 10,000 small files.
 * Run by hand:
 * <pre>
 * cd bundles/ipfs &amp;&amp; mvn -o test -Dtest=FileImporterThroughputTest -Dcitrate.ipfs.timing=true [-Dcitrate.ipfs.timing.mib=1024]
 * </pre>
 */
@EnabledIfSystemProperty(named = "citrate.ipfs.timing", matches = "true")
class FileImporterThroughputTest {
  private static final int MIB = 1024 * 1024;

  @Test
  void importThroughputBesideSha256() throws Exception {
    long size = Long.getLong("citrate.ipfs.timing.mib", 1024) * MIB;
    byte[] pattern = new byte[4 * MIB + 12_345];
    new SplittableRandom(7).nextBytes(pattern);

    for (int round = 0; round < 3; round++) {
      double sha = sha256MibPerSecond(pattern, size);
      double v0 = importMibPerSecond(ImportOptions.KUBO_DEFAULT, pattern, size);
      double v1 = importMibPerSecond(ImportOptions.KUBO_CID_V1, pattern, size);
      System.out.printf("round %d, %d MiB: SHA-256 one thread %.0f MiB/s; import v0 %.0f MiB/s (%.0f %%),"
          + " v1 raw leaves %.0f MiB/s (%.0f %%)%n", round, size / MIB, sha, v0, 100 * v0 / sha, v1, 100 * v1 / sha);
    }
  }

  @Test
  void directoryOfSmallFiles() throws Exception {
    int files = 10_000;
    byte[] pattern = new byte[8192];
    new SplittableRandom(11).nextBytes(pattern);
    for (int round = 0; round < 3; round++) {
      long bytes = 0;
      long start = System.nanoTime();
      DirectoryImporter importer = new DirectoryImporter(ImportOptions.KUBO_DEFAULT, BlockSink.DISCARD);
      for (int index = 0; index < files; index++) {
        int size = 512 + (index * 977) % 7680;
        importer.addFile("dir-" + index % 10 + "/file-" + index, new RepeatingStream(pattern, size));
        bytes += size;
      }
      importer.finish();
      long elapsed = System.nanoTime() - start;
      System.out.printf("round %d: %d files, %d MiB: %.0f files/s, %.1f MiB/s%n", round, files, bytes / MIB,
          files / (elapsed / 1e9), mibPerSecond(bytes, elapsed));
    }
  }

  private static double sha256MibPerSecond(byte[] pattern, long size) throws Exception {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    byte[] chunk = new byte[ImportOptions.DEFAULT_CHUNK_SIZE];
    InputStream content = new RepeatingStream(pattern, size);
    long start = System.nanoTime();
    while (content.readNBytes(chunk, 0, chunk.length) > 0) {
      sha256.digest(chunk);
    }
    return mibPerSecond(size, System.nanoTime() - start);
  }

  private static double importMibPerSecond(ImportOptions options, byte[] pattern, long size) throws Exception {
    long start = System.nanoTime();
    ImportResult result = new FileImporter(options, BlockSink.DISCARD).importFile(new RepeatingStream(pattern, size));
    long elapsed = System.nanoTime() - start;
    assertThat(result.contentBytes()).isEqualTo(size);
    return mibPerSecond(size, elapsed);
  }

  private static double mibPerSecond(long bytes, long nanos) {
    return bytes / (double) MIB / (nanos / 1e9);
  }

  /** {@code size} bytes of {@code pattern} repeated: content at memory speed. */
  private static final class RepeatingStream extends InputStream {
    private final byte[] pattern;
    private final long size;
    private long position;

    RepeatingStream(byte[] pattern, long size) {
      this.pattern = pattern;
      this.size = size;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
      if (position == size) {
        return -1;
      }
      int from = (int) (position % pattern.length);
      int count = (int) Math.min(Math.min(length, size - position), pattern.length - from);
      System.arraycopy(pattern, from, target, offset, count);
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
