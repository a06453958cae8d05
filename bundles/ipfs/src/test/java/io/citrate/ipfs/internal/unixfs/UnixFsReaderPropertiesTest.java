package io.citrate.ipfs.internal.unixfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.ipfs.api.Cid;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Any range of any file tree shape reads the same bytes as the content, by {@code read} and by the stream. */
class UnixFsReaderPropertiesTest {
  @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
  void anyRangeOfAnyTreeShape(@ForAll @IntRange(max = 3000) int size, @ForAll @IntRange(min = 1, max = 64) int chunk,
      @ForAll @IntRange(min = 2, max = 8) int maxLinks, @ForAll boolean rawLeaves, @ForAll("version") int version,
      @ForAll @LongRange(max = 3100) long offset, @ForAll @LongRange(max = 3100) long length, @ForAll long seed)
      throws IOException {
    byte[] content = new byte[size];
    new Random(seed).nextBytes(content);
    TestDag dag = new TestDag(version);
    Cid root = dag.file(content, chunk, maxLinks, rawLeaves);
    UnixFsReader reader = new UnixFsReader(dag);
    int from = (int) Math.min(size, offset);
    byte[] expected = Arrays.copyOfRange(content, from, (int) Math.min(size, offset + length));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(reader.read(root, offset, length, out)).isEqualTo(expected.length);
    assertThat(out.toByteArray()).isEqualTo(expected);
    try (InputStream in = reader.open(root, offset, length)) {
      assertThat(in.readAllBytes()).isEqualTo(expected);
    }
    assertThat(reader.stat(root).size()).isEqualTo(size);
  }

  @Provide
  Arbitrary<Integer> version() {
    return Arbitraries.of(0, 1);
  }
}
