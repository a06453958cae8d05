package io.citrate.core.api.rlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RlpPropertiesTest {

  @Property(tries = 300)
  void randomTreesRoundTrip(@ForAll("trees") RlpItem tree) {
    byte[] encoded = tree.encode();
    RlpItem decoded = Rlp.decode(encoded);
    assertThat(decoded).isEqualTo(tree).hasSameHashCodeAs(tree).hasToString(tree.toString());
  }

  @Property(tries = 1000)
  void randomBytesDecodeOrFailWithRlpException(@ForAll @Size(max = 200) byte[] input) {
    decodeExpectingOnlyRlpException(input);
  }

  @Property(tries = 500)
  void mutatedEncodingsDecodeOrFailWithRlpException(
      @ForAll("trees") RlpItem tree, @ForAll @IntRange(max = 10_000) int position, @ForAll byte replacement,
      @ForAll @IntRange(max = 3) int mutation) {
    byte[] encoded = tree.encode();
    int at = position % encoded.length;
    byte[] mutated = switch (mutation) {
      case 0 -> Arrays.copyOf(encoded, at);
      case 1 -> {
        byte[] copy = encoded.clone();
        copy[at] = replacement;
        yield copy;
      }
      case 2 -> {
        byte[] copy = Arrays.copyOf(encoded, encoded.length + 1);
        System.arraycopy(encoded, at, copy, at + 1, encoded.length - at);
        copy[at] = replacement;
        yield copy;
      }
      default -> {
        byte[] copy = new byte[encoded.length - 1];
        System.arraycopy(encoded, 0, copy, 0, at);
        System.arraycopy(encoded, at + 1, copy, at, encoded.length - at - 1);
        yield copy;
      }
    };
    decodeExpectingOnlyRlpException(mutated);
  }

  private static void decodeExpectingOnlyRlpException(byte[] input) {
    try {
      RlpItem item = Rlp.decode(input);
      // Strict decoding admits exactly one encoding per value.
      assertThat(item.encode()).isEqualTo(input);
    } catch (RlpException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  @Provide
  Arbitrary<RlpItem> trees() {
    Arbitrary<RlpItem> leaves = Arbitraries.bytes().array(byte[].class).ofMaxSize(70).map(RlpString::of);
    return Arbitraries.recursive(() -> leaves,
        inner -> inner.list().ofMaxSize(5).map(RlpList::of), 0, 4);
  }

  @Test
  void rejectsDeepNestingWithoutExhaustingTheStack() {
    byte[] item = Rlp.EMPTY_LIST;
    for (int i = 1; i < RlpReader.MAX_NESTING_DEPTH; i++) {
      item = Rlp.encodeList(item);
    }
    byte[] deepest = item;
    assertThat(Rlp.decode(deepest).encode()).isEqualTo(deepest);
    byte[] tooDeep = Rlp.encodeList(deepest);
    assertThatThrownBy(() -> Rlp.decode(tooDeep)).isInstanceOf(RlpException.class).hasMessageContaining("nest");
  }

  @Test
  void encodesIntegersWithoutLeadingZeros() {
    assertThat(Rlp.encodeLong(0)).containsExactly(0x80);
    assertThat(Rlp.encodeLong(0x7f)).containsExactly(0x7f);
    assertThat(Rlp.encodeLong(0x80)).containsExactly(0x81, 0x80);
    assertThat(Rlp.encodeLong(-1)).hasSize(9);
    assertThat(Rlp.encodeBigInteger(BigInteger.ONE.shiftLeft(255))).hasSize(33);
    assertThatThrownBy(() -> Rlp.encodeBigInteger(BigInteger.valueOf(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RlpReader.of(new byte[] {(byte) 0x82, 0, 1}).readLong("nonce"))
        .isInstanceOf(RlpException.class).hasMessageContaining("leading zero");
  }
}
