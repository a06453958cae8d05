package io.citrate.core.api.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Fixtures;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.crypto.EthereumMessages;
import io.citrate.core.api.crypto.KeyPair;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.core.api.crypto.Secp256k1;
import io.citrate.core.api.crypto.Signature;
import io.citrate.core.api.crypto.TypedData;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Signing vectors from {@code testdata/crypto}: {@code eth-transactions.json} (build, sign and encode each
 * transaction), and the {@code personal_sign} and EIP-712 vectors of {@code eth-signing-eip191-eip712.json}.
 */
class SigningConformanceTest {
  /** Fixture name to reason. Empty: every vector runs. */
  private static final Map<String, String> SKIPPED = Map.of();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final AtomicInteger TRANSACTIONS_PASSED = new AtomicInteger();
  private static final AtomicInteger PERSONAL_SIGN_PASSED = new AtomicInteger();
  private static final AtomicInteger TYPED_DATA_PASSED = new AtomicInteger();

  static Stream<Arguments> transactions() {
    List<Arguments> cases = new ArrayList<>();
    for (JsonNode vector : Fixtures.readJson(Fixtures.resolve("crypto/eth-transactions.json")).get("vectors")) {
      cases.add(Arguments.of(vector.get("label").asText(), vector));
    }
    return cases.stream();
  }

  static Stream<Arguments> messages() {
    JsonNode file = Fixtures.readJson(Fixtures.resolve("crypto/eth-signing-eip191-eip712.json"));
    List<Arguments> cases = new ArrayList<>();
    int index = 0;
    for (JsonNode vector : file.get("personal_sign")) {
      cases.add(Arguments.of("personal_sign/" + index++ + " " + vector.get("messageKind").asText(), vector));
    }
    return cases.stream();
  }

  static Stream<Arguments> typedData() {
    JsonNode file = Fixtures.readJson(Fixtures.resolve("crypto/eth-signing-eip191-eip712.json"));
    List<Arguments> cases = new ArrayList<>();
    for (JsonNode vector : file.get("eip712")) {
      cases.add(Arguments.of("eip712/" + vector.get("label").asText(), vector));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transactions")
  void signsTransaction(String label, JsonNode vector) {
    assumeFalse(SKIPPED.containsKey(label), () -> SKIPPED.get(label));
    PrivateKey key = PrivateKey.fromHex(vector.get("privateKey").asText());
    Transaction.Builder builder = unsigned(vector.get("unsigned"));

    assertThat(builder.signingPayload()).isEqualTo(Bytes.fromHex(vector.get("unsignedSerialized").asText()));
    assertThat(builder.signingHash()).isEqualTo(Hash.fromHex(vector.get("signingHash").asText()));

    Transaction transaction = builder.sign(key);
    JsonNode signature = vector.get("signature");
    assertThat(transaction.signature().r()).isEqualTo(new BigInteger(signature.get("r").asText().substring(2), 16));
    assertThat(transaction.signature().s()).isEqualTo(new BigInteger(signature.get("s").asText().substring(2), 16));
    assertThat(transaction.signature().recoveryId()).isEqualTo(signature.get("yParity").asInt());
    assertThat(transaction.v()).isEqualTo(new BigInteger(signature.get("v").asText()));
    assertThat(transaction.encoded()).isEqualTo(Bytes.fromHex(vector.get("rawSigned").asText()));
    assertThat(transaction.hash()).isEqualTo(Hash.fromHex(vector.get("txHash").asText()));
    Address from = Address.fromHex(vector.get("from").asText());
    assertThat(transaction.sender()).isEqualTo(from);
    assertThat(KeyPair.of(key).address().toChecksumHex()).isEqualTo(vector.get("from").asText());

    Transaction decoded = TransactionDecoder.decode(transaction.encoded());
    assertThat(decoded.sender()).isEqualTo(from);
    assertThat(decoded.signingHash()).isEqualTo(transaction.signingHash());
    TRANSACTIONS_PASSED.incrementAndGet();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void signsPersonalMessage(String name, JsonNode vector) {
    assumeFalse(SKIPPED.containsKey(name), () -> SKIPPED.get(name));
    PrivateKey key = PrivateKey.fromHex(vector.get("privateKey").asText());
    Hash hash = EthereumMessages.hashPersonalMessage(Bytes.fromHex(vector.get("messageHex").asText()));
    assertThat(hash).isEqualTo(Hash.fromHex(vector.get("prefixedHash").asText()));

    Signature signature = Secp256k1.sign(hash, key);
    assertThat(signature.toEthereumBytes()).isEqualTo(Bytes.fromHex(vector.get("signature").asText()));
    assertThat(signature.r()).isEqualTo(new BigInteger(vector.get("r").asText().substring(2), 16));
    assertThat(signature.s()).isEqualTo(new BigInteger(vector.get("s").asText().substring(2), 16));
    assertThat(27 + signature.recoveryId()).isEqualTo(vector.get("v").asInt());

    Signature parsed = Signature.fromEthereumBytes(Bytes.fromHex(vector.get("signature").asText()));
    assertThat(Secp256k1.recoverAddress(hash, parsed)).isEqualTo(Address.fromHex(vector.get("address").asText()));
    PERSONAL_SIGN_PASSED.incrementAndGet();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("typedData")
  void signsTypedData(String name, JsonNode vector) {
    assumeFalse(SKIPPED.containsKey(name), () -> SKIPPED.get(name));
    JsonNode input = vector.get("typedData");
    Map<String, List<TypedData.Field>> types = new LinkedHashMap<>();
    input.get("types").fields().forEachRemaining(type -> {
      List<TypedData.Field> fields = new ArrayList<>();
      type.getValue().forEach(field -> fields.add(new TypedData.Field(field.get("name").asText(),
          field.get("type").asText())));
      types.put(type.getKey(), fields);
    });
    TypedData data = TypedData.of(types, input.get("primaryType").asText(), toMap(input.get("domain")),
        toMap(input.get("message")));
    JsonNode expected = vector.get("expected");
    String primary = input.get("primaryType").asText();

    assertThat(data.encodeType(primary)).isEqualTo(expected.get("encodeType_" + primary).asText());
    assertThat(data.typeHash(primary)).isEqualTo(Hash.fromHex(expected.get("typeHash_" + primary).asText()));
    assertThat(data.encodeData(primary, toMap(input.get("message"))))
        .isEqualTo(Bytes.fromHex(expected.get("encodeData_" + primary).asText()));
    assertThat(data.hashStruct(primary, toMap(input.get("message"))))
        .isEqualTo(Hash.fromHex(expected.get("hashStruct_" + primary).asText()));
    assertThat(data.domainSeparator()).isEqualTo(Hash.fromHex(expected.get("domainSeparator").asText()));
    assertThat(data.digest()).isEqualTo(Hash.fromHex(expected.get("digest").asText()));

    Signature signature = Secp256k1.sign(data.digest(), PrivateKey.fromHex(vector.get("privateKey").asText()));
    assertThat(signature.toEthereumBytes())
        .isEqualTo(Bytes.fromHex(expected.get("signature").get("serialized").asText()));
    assertThat(Secp256k1.recoverAddress(data.digest(), signature))
        .isEqualTo(Address.fromHex(vector.get("address").asText()));
    TYPED_DATA_PASSED.incrementAndGet();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> toMap(JsonNode node) {
    return JSON.convertValue(node, Map.class);
  }

  private static Transaction.Builder unsigned(JsonNode fields) {
    TransactionType type = switch (fields.get("type").asInt()) {
      case 0 -> TransactionType.LEGACY;
      case 1 -> TransactionType.ACCESS_LIST;
      case 2 -> TransactionType.EIP1559;
      default -> throw new IllegalStateException("unexpected type in " + fields);
    };
    Transaction.Builder builder = Transaction.builder(type)
        .nonce(fields.get("nonce").asLong())
        .gasLimit(Long.parseLong(fields.get("gasLimit").asText()))
        .value(Wei.of(new BigInteger(fields.get("value").asText())))
        .data(Bytes.fromHex(fields.get("data").asText()));
    BigInteger chainId = new BigInteger(fields.get("chainId").asText());
    // chainId "0" on a legacy vector means a pre-EIP-155 signature.
    if (type != TransactionType.LEGACY || chainId.signum() != 0) {
      builder.chainId(chainId);
    }
    if (fields.hasNonNull("to")) {
      builder.to(Address.fromHex(fields.get("to").asText()));
    }
    if (fields.has("gasPrice")) {
      builder.gasPrice(Wei.of(new BigInteger(fields.get("gasPrice").asText())));
    }
    if (fields.has("maxFeePerGas")) {
      builder.maxFeePerGas(Wei.of(new BigInteger(fields.get("maxFeePerGas").asText())));
      builder.maxPriorityFeePerGas(Wei.of(new BigInteger(fields.get("maxPriorityFeePerGas").asText())));
    }
    if (fields.has("accessList")) {
      List<AccessListEntry> accessList = new ArrayList<>();
      for (JsonNode entry : fields.get("accessList")) {
        List<Hash> keys = new ArrayList<>();
        entry.get("storageKeys").forEach(key -> keys.add(Hash.fromHex(key.asText())));
        accessList.add(new AccessListEntry(Address.fromHex(entry.get("address").asText()), keys));
      }
      builder.accessList(accessList);
    }
    return builder;
  }

  @AfterAll
  static void report() {
    System.out.printf("SigningConformanceTest: %d transactions, %d personal_sign and %d EIP-712 vectors passed,"
        + " %d skipped%n", TRANSACTIONS_PASSED.get(), PERSONAL_SIGN_PASSED.get(), TYPED_DATA_PASSED.get(),
        SKIPPED.size());
  }
}
