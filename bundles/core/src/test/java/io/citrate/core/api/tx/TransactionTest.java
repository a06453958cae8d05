package io.citrate.core.api.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
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
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class TransactionTest {
  static final KeyPair SENDER =
      KeyPair.of(PrivateKey.fromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"));
  static final Address RECIPIENT = Address.fromHex("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
  static final Hash BLOB_HASH = Hash.fromHex("0x01" + "ab".repeat(31));

  static Transaction.Builder legacy() {
    return Transaction.builder(TransactionType.LEGACY).chainId(1337).nonce(3).gasPrice(Wei.ofGwei(1))
        .gasLimit(21_000).to(RECIPIENT).value(Wei.of(5));
  }

  static Transaction.Builder eip1559() {
    return Transaction.builder(TransactionType.EIP1559).chainId(1337).nonce(4)
        .maxPriorityFeePerGas(Wei.ofGwei(1)).maxFeePerGas(Wei.ofGwei(30)).gasLimit(100_000).to(RECIPIENT)
        .data(new byte[] {0, 1, 2}).accessList(List.of(AccessListEntry.of(RECIPIENT, Hash.ZERO)));
  }

  static Transaction.Builder blob() {
    return Transaction.builder(TransactionType.BLOB).chainId(1337).nonce(5)
        .maxPriorityFeePerGas(Wei.ofGwei(1)).maxFeePerGas(Wei.ofGwei(30)).gasLimit(21_000).to(RECIPIENT)
        .maxFeePerBlobGas(Wei.ofGwei(2)).blobVersionedHashes(List.of(BLOB_HASH));
  }

  @Test
  void signedTransactionsOfEveryTypeRoundTrip() {
    List<Transaction.Builder> builders = List.of(
        legacy(),
        legacy().chainId((BigInteger) null),
        Transaction.builder(TransactionType.ACCESS_LIST).chainId(1).gasPrice(Wei.ONE).gasLimit(60_000)
            .accessList(List.of(AccessListEntry.of(RECIPIENT, Hash.ZERO, Hash.EMPTY))).data(new byte[] {1}),
        eip1559(),
        blob());
    for (Transaction.Builder builder : builders) {
      Transaction signed = builder.sign(SENDER.privateKey());
      Transaction decoded = TransactionDecoder.decode(signed.encoded());
      assertThat(decoded).isEqualTo(signed);
      assertThat(decoded.hash()).isEqualTo(signed.hash());
      assertThat(decoded.sender()).isEqualTo(SENDER.address());
      assertThat(decoded.signingHash()).isEqualTo(builder.signingHash());
      assertThat(decoded.intrinsicGas()).isEqualTo(signed.intrinsicGas());
      assertThat(decoded.to()).isEqualTo(signed.to());
      assertThat(decoded.accessList()).isEqualTo(signed.accessList());
      assertThat(decoded.blobVersionedHashes()).isEqualTo(signed.blobVersionedHashes());
      assertThat(decoded.chainId()).isEqualTo(signed.chainId());
    }
  }

  @Test
  void exposesTheFieldsOfEachType() {
    Transaction legacy = legacy().sign(SENDER.privateKey());
    assertThat(legacy.type()).isEqualTo(TransactionType.LEGACY);
    assertThat(legacy.gasPrice()).contains(Wei.ofGwei(1));
    assertThat(legacy.maxFeePerGas()).isEmpty();
    assertThat(legacy.v()).isIn(BigInteger.valueOf(1337 * 2 + 35), BigInteger.valueOf(1337 * 2 + 36));
    assertThat(legacy.encoded()[0] & 0xff).isGreaterThanOrEqualTo(0xc0);

    Transaction pre155 = legacy().chainId((BigInteger) null).sign(SENDER.privateKey());
    assertThat(pre155.chainId()).isEmpty();
    assertThat(pre155.v()).isIn(BigInteger.valueOf(27), BigInteger.valueOf(28));

    Transaction blob = blob().sign(SENDER.privateKey());
    assertThat(blob.encoded()[0]).isEqualTo((byte) 3);
    assertThat(blob.blobGas()).isEqualTo(Transaction.GAS_PER_BLOB);
    assertThat(blob.maxFeePerBlobGas()).contains(Wei.ofGwei(2));
    assertThat(blob.v()).isIn(BigInteger.ZERO, BigInteger.ONE);
  }

  @Test
  void computesIntrinsicGas() {
    assertThat(legacy().sign(SENDER.privateKey()).intrinsicGas()).isEqualTo(21_000);
    // 21000 + 4 (zero byte) + 2 * 16 + 2400 + 1900
    assertThat(eip1559().sign(SENDER.privateKey()).intrinsicGas()).isEqualTo(21_000 + 4 + 32 + 2_400 + 1_900);
    // creation: 53000 + 33 non-zero bytes * 16 + 2 words * 2
    Transaction creation = legacy().to(null).gasLimit(100_000).data(filled(33, 1)).sign(SENDER.privateKey());
    assertThat(creation.isContractCreation()).isTrue();
    assertThat(creation.intrinsicGas()).isEqualTo(53_000 + 33 * 16 + 4);
  }

  @Test
  void computesTheEffectiveGasPrice() {
    Transaction dynamic = eip1559().sign(SENDER.privateKey());
    assertThat(dynamic.effectiveGasPrice(Wei.ofGwei(10))).isEqualTo(Wei.ofGwei(11));
    assertThat(dynamic.effectiveGasPrice(Wei.ofGwei(29))).isEqualTo(Wei.ofGwei(30));
    assertThat(dynamic.gasTipCap()).isEqualTo(Wei.ofGwei(1));
    assertThatThrownBy(() -> dynamic.effectiveGasPrice(Wei.ofGwei(31))).isInstanceOf(IllegalArgumentException.class);
    Transaction legacy = legacy().sign(SENDER.privateKey());
    assertThat(legacy.effectiveGasPrice(Wei.ZERO)).isEqualTo(Wei.ofGwei(1));
    assertThat(legacy.gasFeeCap()).isEqualTo(legacy.gasTipCap());
  }

  @Test
  void builderRejectsEveryStaticViolation() {
    assertReason(() -> legacy().nonce(-1).sign(SENDER.privateKey()), TransactionInvalidReason.NONCE_OVERFLOW);
    assertReason(() -> legacy().gasLimit(20_999).sign(SENDER.privateKey()),
        TransactionInvalidReason.INTRINSIC_GAS_TOO_LOW);
    assertReason(() -> legacy().gasLimit(-1).gasPrice(Wei.MAX_WEI).sign(SENDER.privateKey()),
        TransactionInvalidReason.GAS_LIMIT_PRICE_PRODUCT_OVERFLOW);
    assertReason(() -> eip1559().maxPriorityFeePerGas(Wei.ofGwei(31)).sign(SENDER.privateKey()),
        TransactionInvalidReason.PRIORITY_FEE_ABOVE_MAX_FEE);
    assertReason(() -> legacy().to(null).gasLimit(10_000_000).data(new byte[49_153]).sign(SENDER.privateKey()),
        TransactionInvalidReason.INITCODE_TOO_LARGE);
    assertReason(() -> legacy().maxFeePerGas(Wei.ONE).sign(SENDER.privateKey()),
        TransactionInvalidReason.FIELDS_INCONSISTENT_WITH_TYPE);
    assertReason(() -> legacy().accessList(List.of(AccessListEntry.of(RECIPIENT))).sign(SENDER.privateKey()),
        TransactionInvalidReason.FIELDS_INCONSISTENT_WITH_TYPE);
    assertReason(() -> eip1559().gasPrice(Wei.ONE).sign(SENDER.privateKey()),
        TransactionInvalidReason.FIELDS_INCONSISTENT_WITH_TYPE);
    assertReason(() -> eip1559().chainId((BigInteger) null).sign(SENDER.privateKey()),
        TransactionInvalidReason.FIELDS_INCONSISTENT_WITH_TYPE);
    assertReason(() -> eip1559().blobVersionedHashes(List.of(BLOB_HASH)).sign(SENDER.privateKey()),
        TransactionInvalidReason.FIELDS_INCONSISTENT_WITH_TYPE);
    assertReason(() -> legacy().chainId(0).sign(SENDER.privateKey()), TransactionInvalidReason.INVALID_CHAIN_ID);
    assertReason(() -> eip1559().chainId(-1).sign(SENDER.privateKey()), TransactionInvalidReason.INVALID_CHAIN_ID);
    assertReason(() -> blob().to(null).sign(SENDER.privateKey()),
        TransactionInvalidReason.BLOB_TRANSACTION_WITHOUT_RECIPIENT);
    assertReason(() -> blob().blobVersionedHashes(List.of()).sign(SENDER.privateKey()),
        TransactionInvalidReason.BLOB_TRANSACTION_WITHOUT_BLOBS);
    assertReason(() -> blob().blobVersionedHashes(List.of(Hash.ZERO)).sign(SENDER.privateKey()),
        TransactionInvalidReason.INVALID_BLOB_VERSIONED_HASH);
    assertReason(() -> blob().blobVersionedHashes(List.of(BLOB_HASH, BLOB_HASH, BLOB_HASH, BLOB_HASH, BLOB_HASH,
        BLOB_HASH, BLOB_HASH)).sign(SENDER.privateKey()), TransactionInvalidReason.TOO_MANY_BLOBS);
    assertReason(() -> blob().maxFeePerBlobGas(null).sign(SENDER.privateKey()),
        TransactionInvalidReason.FIELDS_INCONSISTENT_WITH_TYPE);
  }

  @Test
  void buildWithAForeignSignatureRecoversTheSenderOrRejects() {
    Transaction.Builder builder = eip1559();
    Signature signature = Secp256k1.sign(builder.signingHash(), SENDER.privateKey());
    assertThat(builder.signature(signature).build().sender()).isEqualTo(SENDER.address());

    assertReason(() -> eip1559().build(), TransactionInvalidReason.INVALID_SIGNATURE);
    Signature high = Signature.create(signature.r(), Secp256k1.CURVE_ORDER.subtract(signature.s()),
        signature.recoveryId() ^ 1);
    assertReason(() -> eip1559().signature(high).build(), TransactionInvalidReason.INVALID_SIGNATURE);
    Signature offCurve = Signature.create(BigInteger.valueOf(5), BigInteger.ONE, 0);
    assertReason(() -> eip1559().signature(offCurve).build(), TransactionInvalidReason.SENDER_NOT_RECOVERABLE);
  }

  @Test
  void decoderRejectsMalformedEnvelopes() {
    byte[] valid = eip1559().sign(SENDER.privateKey()).encoded();
    assertReason(() -> TransactionDecoder.decode(new byte[0]), TransactionInvalidReason.MALFORMED_ENCODING);
    assertReason(() -> TransactionDecoder.decode(new byte[] {4, (byte) 0xc0}), TransactionInvalidReason.UNSUPPORTED_TYPE);
    assertReason(() -> TransactionDecoder.decode(new byte[] {0, (byte) 0xc0}), TransactionInvalidReason.UNSUPPORTED_TYPE);
    assertReason(() -> TransactionDecoder.decode(new byte[] {(byte) 0x83, 1, 2, 3}),
        TransactionInvalidReason.MALFORMED_ENCODING);
    assertReason(() -> TransactionDecoder.decode(new byte[] {2}), TransactionInvalidReason.MALFORMED_ENCODING);
    assertReason(() -> TransactionDecoder.decode(Bytes.concat(valid, new byte[] {0})),
        TransactionInvalidReason.MALFORMED_ENCODING);
    assertReason(() -> TransactionDecoder.decode(Arrays.copyOf(valid, valid.length - 1)),
        TransactionInvalidReason.MALFORMED_ENCODING);
    assertReason(() -> TransactionDecoder.decode(valid, 1), TransactionInvalidReason.WRONG_CHAIN_ID);
    assertThat(TransactionDecoder.decode(valid, 1337).sender()).isEqualTo(SENDER.address());
    byte[] pre155 = legacy().chainId((BigInteger) null).sign(SENDER.privateKey()).encoded();
    assertThat(TransactionDecoder.decode(pre155, 1).chainId()).isEmpty();
  }

  @Test
  void typedTransactionsRejectAYParityAboveOne() {
    Transaction signed = eip1559().sign(SENDER.privateKey());
    RlpList fields = (RlpList) Rlp.decode(Arrays.copyOfRange(signed.encoded(), 1, signed.encoded().length));
    List<RlpItem> items = new ArrayList<>(fields.items());
    items.set(9, RlpString.of(new byte[] {27}));
    byte[] tampered = Bytes.concat(new byte[] {2}, RlpList.of(items).encode());
    assertReason(() -> TransactionDecoder.decode(tampered), TransactionInvalidReason.INVALID_V);
  }

  private static void assertReason(ThrowingCallable call, TransactionInvalidReason reason) {
    assertThatThrownBy(call)
        .isInstanceOf(InvalidTransactionException.class)
        .satisfies(e -> assertThat(((InvalidTransactionException) e).reason()).isEqualTo(reason))
        .hasMessageStartingWith(reason.description());
  }

  private static byte[] filled(int length, int value) {
    byte[] out = new byte[length];
    Arrays.fill(out, (byte) value);
    return out;
  }
}
