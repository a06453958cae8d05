package io.citrate.core.api.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypedDataTest {
  private static final List<TypedData.Field> DOMAIN = List.of(new TypedData.Field("name", "string"),
      new TypedData.Field("chainId", "uint256"));
  private static final Map<String, Object> DOMAIN_VALUE = Map.of("name", "Citrate", "chainId", 1);

  @Test
  void encodesNumbersGivenAsNumbersDecimalOrHexAlike() {
    TypedData data = single("uint64", 255);
    assertThat(single("uint64", "255").digest()).isEqualTo(data.digest());
    assertThat(single("uint64", "0xff").digest()).isEqualTo(data.digest());
    assertThat(single("uint64", BigInteger.valueOf(255)).digest()).isEqualTo(data.digest());
  }

  @Test
  void encodesNegativeIntegersAsTwosComplementWords() {
    byte[] encoded = single("int8", -1).encodeData("Message", Map.of("value", -1));
    for (int i = 32; i < 64; i++) {
      assertThat(encoded[i]).isEqualTo((byte) 0xff);
    }
  }

  @Test
  void hashesArraysOfStructs() {
    Map<String, List<TypedData.Field>> types = Map.of(
        "EIP712Domain", DOMAIN,
        "Item", List.of(new TypedData.Field("id", "uint8")),
        "Order", List.of(new TypedData.Field("items", "Item[]"), new TypedData.Field("tag", "bytes4")));
    TypedData data = TypedData.of(types, "Order", DOMAIN_VALUE,
        Map.of("items", List.of(Map.of("id", 1), Map.of("id", 2)), "tag", "0x01020304"));
    assertThat(data.encodeType("Order")).isEqualTo("Order(Item[] items,bytes4 tag)Item(uint8 id)");
    assertThat(data.digest()).isNotEqualTo(TypedData.of(types, "Order", DOMAIN_VALUE,
        Map.of("items", List.of(Map.of("id", 2), Map.of("id", 1)), "tag", "0x01020304")).digest());
  }

  @Test
  void rejectsValuesThatDoNotFitTheirType() {
    assertThatThrownBy(() -> single("uint8", 256).digest()).isInstanceOf(InvalidTypedDataException.class)
        .hasMessageContaining("Message.value");
    assertThatThrownBy(() -> single("int8", 128).digest()).isInstanceOf(InvalidTypedDataException.class);
    assertThatThrownBy(() -> single("uint256", -1).digest()).isInstanceOf(InvalidTypedDataException.class);
    assertThatThrownBy(() -> single("bytes2", "0x010203").digest()).isInstanceOf(InvalidTypedDataException.class);
    assertThatThrownBy(() -> single("address", "0x1234").digest()).isInstanceOf(InvalidTypedDataException.class);
    assertThatThrownBy(() -> single("bool", "yes").digest()).isInstanceOf(InvalidTypedDataException.class);
    assertThatThrownBy(() -> single("uint8", "twelve").digest()).isInstanceOf(InvalidTypedDataException.class);
    assertThatThrownBy(() -> single("uint8[2]", List.of(1)).digest()).isInstanceOf(InvalidTypedDataException.class)
        .hasMessageContaining("2 items");
  }

  @Test
  void rejectsUnknownTypesAndMissingFields() {
    assertThatThrownBy(() -> single("uint7", 1)).isInstanceOf(InvalidTypedDataException.class)
        .hasMessageContaining("uint7");
    assertThatThrownBy(() -> single("bytes33", "0x00")).isInstanceOf(InvalidTypedDataException.class);
    assertThatThrownBy(() -> single("Nothing", 1)).isInstanceOf(InvalidTypedDataException.class);
    assertThatThrownBy(() -> TypedData.of(Map.of("EIP712Domain", DOMAIN), "Missing", DOMAIN_VALUE, Map.of()))
        .isInstanceOf(InvalidTypedDataException.class).hasMessageContaining("Missing");
    TypedData data = single("uint8", 1);
    assertThatThrownBy(() -> data.encodeData("Message", Map.of())).isInstanceOf(InvalidTypedDataException.class)
        .hasMessageContaining("Message.value is missing");
  }

  private static TypedData single(String type, Object value) {
    return TypedData.of(Map.of("EIP712Domain", DOMAIN, "Message", List.of(new TypedData.Field("value", type))),
        "Message", DOMAIN_VALUE, Map.of("value", value));
  }
}
