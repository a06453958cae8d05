package io.citrate.ipfs.internal.car;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.ipfs.api.Cid;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CarHeaderTest {
  @Property(tries = 200)
  void rootsSurviveARoundTrip(@ForAll("roots") List<Cid> roots) {
    assertThat(CarHeader.decode(CarHeader.encode(roots))).isEqualTo(roots);
  }

  @Provide
  Arbitrary<List<Cid>> roots() {
    Arbitrary<Cid> cid = Arbitraries.integers().between(0, 2).flatMap(kind -> Arbitraries.bytes().array(byte[].class)
        .ofMaxSize(40).map(block -> switch (kind) {
          case 0 -> Cid.of(0, Cid.DAG_PB, block);
          case 1 -> Cid.of(1, Cid.RAW, block);
          default -> Cid.of(1, Cid.DAG_CBOR, block);
        }));
    // From 24 roots on, the array count takes a second byte.
    return cid.list().ofMaxSize(30);
  }

  @Example
  void aCidV0RootIsALinkOfItsBareMultihash() {
    Cid root = Cid.parse("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn");
    assertThat(HexFormat.of().formatHex(CarHeader.encode(List.of(root)))).isEqualTo("a265726f6f747381d82a582300"
        + HexFormat.of().formatHex(root.bytes()) + "6776657273696f6e01");
  }
}
