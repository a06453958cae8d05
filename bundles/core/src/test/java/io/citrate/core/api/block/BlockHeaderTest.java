package io.citrate.core.api.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.crypto.Keccak256;
import io.citrate.core.api.crypto.KeyPair;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.core.api.crypto.Secp256k1;
import io.citrate.core.api.crypto.Signature;
import io.citrate.core.api.rlp.Rlp;
import io.citrate.core.api.rlp.RlpItem;
import io.citrate.core.api.rlp.RlpList;
import io.citrate.core.api.rlp.RlpString;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class BlockHeaderTest {
  static final KeyPair PRODUCER =
      KeyPair.of(PrivateKey.fromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"));
  private static final Hash PARENT_A = Hash.fromHex("0x" + "11".repeat(32));
  private static final Hash PARENT_B = Hash.fromHex("0x" + "22".repeat(32));

  static BlockHeader.Builder child() {
    return BlockHeader.builder()
        .parents(List.of(PARENT_A, PARENT_B))
        .timestamp(1_700_000_000_123L)
        .blueScore(42)
        .blueWork(BigInteger.ONE.shiftLeft(200))
        .stateRoot(Hash.fromHex("0x" + "33".repeat(32)))
        .gasLimit(30_000_000)
        .gasUsed(21_000)
        .baseFeePerGas(Wei.ofGwei(7))
        .producer(PRODUCER.address())
        .vrfProof(new byte[80])
        .extraData(new byte[] {1, 2, 3});
  }

  @Test
  void encodesDecodesAndHashesCanonically() {
    BlockHeader header = child().build().sign(PRODUCER.privateKey());
    BlockHeader decoded = BlockHeader.decode(header.encode());
    assertThat(decoded).isEqualTo(header);
    assertThat(decoded.encode()).isEqualTo(header.encode());
    assertThat(decoded.hash()).isEqualTo(header.hash());
    assertThat(decoded.parents()).containsExactly(PARENT_A, PARENT_B);
    assertThat(decoded.blueWork()).isEqualTo(BigInteger.ONE.shiftLeft(200));
    assertThat(decoded.baseFeePerGas()).isEqualTo(Wei.ofGwei(7));
    assertThat(decoded.extraData()).containsExactly(1, 2, 3);
    assertThat(((RlpList) Rlp.decode(header.encode())).size()).isEqualTo(16);
  }

  @Test
  void signingHashExcludesTheSignatureAndHashIncludesIt() {
    BlockHeader unsigned = child().build();
    BlockHeader signed = unsigned.sign(PRODUCER.privateKey());
    assertThat(signed.signingHash()).isEqualTo(unsigned.signingHash());
    assertThat(signed.hash()).isNotEqualTo(unsigned.hash());
    RlpList fields = (RlpList) Rlp.decode(signed.encode());
    RlpList withoutSignature = RlpList.of(fields.items().subList(0, 15));
    assertThat(signed.signingHash()).isEqualTo(Keccak256.hash(withoutSignature.encode()));
  }

  @Test
  void verifiesTheProducersSignatureOnly() {
    BlockHeader signed = child().build().sign(PRODUCER.privateKey());
    assertThat(signed.verifySignature()).isTrue();
    assertThat(signed.recoverSigner()).isEqualTo(PRODUCER.address());
    assertThat(signed.signature()).get().extracting(Signature::recoveryId).isIn(0, 1);

    BlockHeader byStranger = child().build().sign(KeyPair.generate().privateKey());
    assertThat(byStranger.verifySignature()).isFalse();

    BlockHeader unsigned = child().build();
    assertThat(unsigned.verifySignature()).isFalse();
    assertThatThrownBy(unsigned::recoverSigner).isInstanceOf(InvalidBlockHeaderException.class)
        .hasMessageContaining("not signed");

    BlockHeader otherProducer = signed.toBuilder().producer(Address.ZERO).build();
    assertThat(otherProducer.verifySignature()).isFalse();
  }

  @Test
  void genesisNeedsNoParentsVrfProofOrSignature() {
    BlockHeader genesis = BlockHeader.builder().gasLimit(30_000_000).build();
    assertThat(genesis.isGenesis()).isTrue();
    assertThat(genesis.signature()).isEmpty();
    assertThat(BlockHeader.decode(genesis.encode())).isEqualTo(genesis);
  }

  @Test
  void rejectsStructuralViolationsInTheBuilder() {
    assertRejected(child().parents(List.of(PARENT_B, PARENT_A)), "strictly ascending");
    assertRejected(child().parents(List.of(PARENT_A, PARENT_A)), "strictly ascending");
    assertRejected(child().logsBloom(new byte[255]), "logsBloom");
    assertRejected(child().vrfProof(new byte[129]), "vrfProof");
    assertRejected(child().vrfProof(new byte[0]), "genesis");
    assertRejected(child().extraData(new byte[33]), "extraData");
    assertRejected(child().timestamp(-1), "timestamp");
    assertRejected(child().version(-1), "version");
    assertRejected(child().blueScore(-1), "blueScore");
    assertRejected(child().gasUsed(30_000_001), "gasUsed");
    assertRejected(child().blueWork(BigInteger.ONE.shiftLeft(256)), "blueWork");
    assertRejected(child().blueWork(BigInteger.valueOf(-1)), "blueWork");
    Signature low = Secp256k1.sign(Hash.ZERO, PRODUCER.privateKey());
    Signature high = Signature.create(low.r(), Secp256k1.CURVE_ORDER.subtract(low.s()), low.recoveryId() ^ 1);
    assertRejected(child().signature(high), "low-s");
  }

  private static void assertRejected(BlockHeader.Builder builder, String message) {
    assertThatThrownBy(builder::build).isInstanceOf(InvalidBlockHeaderException.class).hasMessageContaining(message);
  }

  @Test
  void rejectsMalformedEncodings() {
    byte[] valid = child().build().sign(PRODUCER.privateKey()).encode();
    List<RlpItem> fields = new ArrayList<>(((RlpList) Rlp.decode(valid)).items());

    assertDecodeFails(Arrays.copyOf(valid, valid.length - 1), "malformed");
    assertDecodeFails(concat(valid, new byte[] {0}), "trailing");
    assertDecodeFails(Rlp.encodeList(new byte[0][]), "malformed");
    assertDecodeFails(replace(fields, 0, RlpString.of(new byte[] {0, 1})), "leading zero");
    assertDecodeFails(replace(fields, 2, RlpString.of(new byte[] {(byte) 0x80, 0, 0, 0, 0, 0, 0, 0})), "timestamp");
    assertDecodeFails(replace(fields, 4, RlpString.of(new byte[33])), "blueWork");
    assertDecodeFails(replace(fields, 5, RlpString.of(new byte[31])), "stateRoot");
    assertDecodeFails(replace(fields, 8, RlpString.of(new byte[255])), "logsBloom");
    assertDecodeFails(replace(fields, 12, RlpString.of(new byte[21])), "producer");
    assertDecodeFails(replace(fields, 15, RlpString.of(new byte[64])), "65 bytes");
    assertDecodeFails(replace(fields, 15, RlpString.of(new byte[65])), "invalid signature");
    assertDecodeFails(replace(fields, 1, RlpList.of(RlpString.of(PARENT_B.toArray()), RlpString.of(PARENT_A.toArray()))),
        "strictly ascending");
    assertDecodeFails(replace(fields, 1, RlpString.of(new byte[32])), "expected a list");
    List<RlpItem> extra = new ArrayList<>(fields);
    extra.add(RlpString.of(new byte[0]));
    assertDecodeFails(RlpList.of(extra).encode(), "more than 16");
    assertDecodeFails(RlpList.of(fields.subList(0, 15)).encode(), "malformed");
  }

  private static byte[] replace(List<RlpItem> fields, int index, RlpItem item) {
    List<RlpItem> copy = new ArrayList<>(fields);
    copy.set(index, item);
    return RlpList.of(copy).encode();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static void assertDecodeFails(byte[] encoded, String message) {
    assertThatThrownBy(() -> BlockHeader.decode(encoded))
        .isInstanceOf(InvalidBlockHeaderException.class)
        .hasMessageContaining(message);
  }

  @Property(tries = 100)
  void encodeDecodeRoundTrips(@ForAll("headers") BlockHeader header) {
    BlockHeader decoded = BlockHeader.decode(header.encode());
    assertThat(decoded).isEqualTo(header);
    assertThat(decoded.encode()).isEqualTo(header.encode());
    assertThat(decoded.signingHash()).isEqualTo(header.signingHash());
    assertThat(decoded.verifySignature()).isEqualTo(header.verifySignature());
  }

  @Provide
  Arbitrary<BlockHeader> headers() {
    Arbitrary<Hash> hashes = Arbitraries.bytes().array(byte[].class).ofSize(32).map(Hash::wrap);
    Arbitrary<List<Hash>> parents = hashes.set().ofMinSize(1).ofMaxSize(20)
        .map(set -> set.stream().sorted().toList());
    Arbitrary<Long> nonNegative = Arbitraries.longs().between(0, Long.MAX_VALUE);
    Arbitrary<byte[]> vrf = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(128);
    Arbitrary<byte[]> extra = Arbitraries.bytes().array(byte[].class).ofMaxSize(32);
    Arbitrary<BigInteger> work = Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE));
    Arbitrary<Boolean> signed = Arbitraries.of(true, false);
    return Combinators.combine(parents, nonNegative, nonNegative, work, hashes, vrf, extra, signed)
        .as((p, timestamp, gasLimit, blueWork, root, vrfProof, extraData, sign) -> {
          BlockHeader header = BlockHeader.builder()
              .parents(p).timestamp(timestamp).blueScore(timestamp / 3).blueWork(blueWork)
              .stateRoot(root).receiptsRoot(root).gasLimit(gasLimit).gasUsed(gasLimit / 2)
              .baseFeePerGas(Wei.of(gasLimit)).producer(PRODUCER.address())
              .vrfProof(vrfProof).extraData(extraData).build();
          return sign ? header.sign(PRODUCER.privateKey()) : header;
        });
  }
}
