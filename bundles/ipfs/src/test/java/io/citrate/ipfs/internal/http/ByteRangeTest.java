package io.citrate.ipfs.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ByteRangeTest {

  @Test
  void theThreeFormsOfASingleRange() {
    assertThat(ByteRange.parse("bytes=0-9", 100)).isEqualTo(new ByteRange(0, 9));
    assertThat(ByteRange.parse("bytes=90-", 100)).isEqualTo(new ByteRange(90, 99));
    assertThat(ByteRange.parse("bytes=-10", 100)).isEqualTo(new ByteRange(90, 99));
    assertThat(ByteRange.parse("BYTES=5-6", 100)).isEqualTo(new ByteRange(5, 6));
    assertThat(ByteRange.parse("bytes=0000000000000000000000000001-2", 100)).isEqualTo(new ByteRange(1, 2));
  }

  @Test
  void whatCannotBeServedFromTheContent() {
    assertThat(ByteRange.parse("bytes=100-", 100)).isSameAs(ByteRange.UNSATISFIABLE);
    assertThat(ByteRange.parse("bytes=-0", 100)).isSameAs(ByteRange.UNSATISFIABLE);
    assertThat(ByteRange.parse("bytes=0-", 0)).isSameAs(ByteRange.UNSATISFIABLE);
    assertThat(ByteRange.parse("bytes=-5", 0)).isSameAs(ByteRange.UNSATISFIABLE);
    assertThat(ByteRange.parse("bytes=" + "9".repeat(40) + "-", 100)).isSameAs(ByteRange.UNSATISFIABLE);
  }

  @Test
  void whatIsIgnoredForTheWholeContent() {
    for (String header : new String[] {null, "", "bytes", "bytes=", "bytes=-", "bytes=a-b", "bytes=1-a",
        "bytes=9-1", "bytes=0-1,5-6", "items=0-1", "bytes = 5-6", "bytes=--1", "bytes=+1-2", "bytes=1--2"}) {
      assertThat(ByteRange.parse(header, 100)).as(String.valueOf(header)).isSameAs(ByteRange.WHOLE);
    }
  }

  @Property
  void aSatisfiableRangeLiesInsideTheContent(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long size,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long first,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long last) {
    ByteRange range = ByteRange.parse("bytes=" + first + "-" + last, size);

    if (last < first) {
      assertThat(range).isSameAs(ByteRange.WHOLE);
    } else if (first >= size) {
      assertThat(range).isSameAs(ByteRange.UNSATISFIABLE);
    } else {
      assertThat(range.first()).isEqualTo(first);
      assertThat(range.last()).isEqualTo(Math.min(last, size - 1));
    }
  }
}
