package io.citrate.core.api.crypto;

import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EIP-712 typed structured data: the type definitions, the domain and the message a wallet signs with
 * {@code eth_signTypedData_v4}, and the hashes the standard defines over them.
 *
 * <p>Values come as JSON decodes them: {@link Map} for structs, {@link List} for arrays, {@link String}
 * for strings, addresses and hex bytes, numbers as {@link Number} or as decimal or {@code 0x} strings,
 * and {@link Boolean}. Anything that does not fit its declared type is an
 * {@link InvalidTypedDataException}.
 */
public final class TypedData {
  private static final String DOMAIN_TYPE = "EIP712Domain";
  private static final Pattern ARRAY = Pattern.compile("^(.+)\\[(\\d*)]$");
  private static final Pattern INTEGER = Pattern.compile("^(u?)int(\\d*)$");
  private static final Pattern FIXED_BYTES = Pattern.compile("^bytes(\\d+)$");
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

  /** One member of a struct type. */
  public record Field(String name, String type) {
    public Field {
      if (name == null || name.isEmpty() || type == null || type.isEmpty()) {
        throw new InvalidTypedDataException("a field needs a name and a type");
      }
    }
  }

  private final Map<String, List<Field>> types;
  private final String primaryType;
  private final Map<String, Object> domain;
  private final Map<String, Object> message;

  private TypedData(Map<String, List<Field>> types, String primaryType, Map<String, Object> domain,
      Map<String, Object> message) {
    this.types = types;
    this.primaryType = primaryType;
    this.domain = domain;
    this.message = message;
  }

  /**
   * @throws InvalidTypedDataException if the primary type or {@code EIP712Domain} is not defined, or
   *     a field names a type that is neither atomic, dynamic, an array nor defined here
   */
  public static TypedData of(Map<String, List<Field>> types, String primaryType, Map<String, Object> domain,
      Map<String, Object> message) {
    Map<String, List<Field>> copy = new LinkedHashMap<>();
    types.forEach((name, fields) -> copy.put(name, List.copyOf(fields)));
    TypedData data = new TypedData(copy, primaryType, Collections.unmodifiableMap(new LinkedHashMap<>(domain)),
        Collections.unmodifiableMap(new LinkedHashMap<>(message)));
    data.requireStruct(DOMAIN_TYPE);
    data.requireStruct(primaryType);
    for (List<Field> fields : copy.values()) {
      for (Field field : fields) {
        data.checkKnownType(field.type());
      }
    }
    return data;
  }

  /** The digest a wallet signs: {@code keccak256(0x19 0x01 || domainSeparator || hashStruct(message))}. */
  public Hash digest() {
    return Keccak256.hash(new byte[] {0x19, 0x01}, domainSeparator().unsafeBytes(),
        hashStruct(primaryType, message).unsafeBytes());
  }

  public Hash domainSeparator() {
    return hashStruct(DOMAIN_TYPE, domain);
  }

  /** {@code keccak256(encodeData(type, value))}. */
  public Hash hashStruct(String type, Map<String, Object> value) {
    return Keccak256.hash(encodeData(type, value));
  }

  /** {@code typeHash || enc(field1) || ... || enc(fieldN)}, each member encoded to 32 bytes. */
  public byte[] encodeData(String type, Map<String, Object> value) {
    List<Field> fields = requireStruct(type);
    ByteArrayOutputStream out = new ByteArrayOutputStream(32 * (fields.size() + 1));
    out.writeBytes(typeHash(type).unsafeBytes());
    for (Field field : fields) {
      if (!value.containsKey(field.name())) {
        throw new InvalidTypedDataException(type + "." + field.name() + " is missing");
      }
      out.writeBytes(encodeValue(field.type(), value.get(field.name()), type + "." + field.name()));
    }
    return out.toByteArray();
  }

  public Hash typeHash(String type) {
    return Keccak256.hash(encodeType(type).getBytes(StandardCharsets.UTF_8));
  }

  /** {@code Type(t1 n1,...)} followed by every struct type it references, sorted by name. */
  public String encodeType(String type) {
    Set<String> dependencies = new TreeSet<>();
    collectDependencies(type, dependencies);
    dependencies.remove(type);
    StringBuilder encoded = new StringBuilder(describe(type));
    for (String dependency : dependencies) {
      encoded.append(describe(dependency));
    }
    return encoded.toString();
  }

  private String describe(String type) {
    StringBuilder text = new StringBuilder(type).append('(');
    List<Field> fields = requireStruct(type);
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(fields.get(i).type()).append(' ').append(fields.get(i).name());
    }
    return text.append(')').toString();
  }

  private void collectDependencies(String type, Set<String> found) {
    String base = baseType(type);
    if (!types.containsKey(base) || !found.add(base)) {
      return;
    }
    for (Field field : types.get(base)) {
      collectDependencies(field.type(), found);
    }
  }

  private byte[] encodeValue(String type, Object value, String path) {
    if (value == null) {
      throw new InvalidTypedDataException(path + " is null");
    }
    Matcher array = ARRAY.matcher(type);
    if (array.matches()) {
      return encodeArray(array.group(1), array.group(2), value, path);
    }
    if (types.containsKey(type)) {
      return hashStruct(type, asStruct(value, path)).toArray();
    }
    switch (type) {
      case "string":
        return Keccak256.hash(asString(value, path).getBytes(StandardCharsets.UTF_8)).toArray();
      case "bytes":
        return Keccak256.hash(asBytes(value, path)).toArray();
      case "bool":
        return word(BigInteger.valueOf(asBoolean(value, path) ? 1 : 0));
      case "address":
        return Bytes.leftPad(asAddress(value, path).toArray(), 32);
      default:
        return encodeAtomic(type, value, path);
    }
  }

  private byte[] encodeArray(String elementType, String length, Object value, String path) {
    if (!(value instanceof List<?> items)) {
      throw new InvalidTypedDataException(path + " must be an array");
    }
    if (!length.isEmpty() && items.size() != Integer.parseInt(length)) {
      throw new InvalidTypedDataException(path + " must have " + length + " items, has " + items.size());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(32 * items.size());
    for (int i = 0; i < items.size(); i++) {
      out.writeBytes(encodeValue(elementType, items.get(i), path + "[" + i + "]"));
    }
    return Keccak256.hash(out.toByteArray()).toArray();
  }

  private byte[] encodeAtomic(String type, Object value, String path) {
    Matcher integer = INTEGER.matcher(type);
    if (integer.matches()) {
      int bits = integer.group(2).isEmpty() ? 256 : Integer.parseInt(integer.group(2));
      BigInteger number = asInteger(value, path);
      boolean unsigned = !integer.group(1).isEmpty();
      BigInteger min = unsigned ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(bits - 1).negate();
      BigInteger max = unsigned ? BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
          : BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
      if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
        throw new InvalidTypedDataException(path + " = " + number + " does not fit " + type);
      }
      return word(number.signum() < 0 ? number.add(TWO_256) : number);
    }
    Matcher fixed = FIXED_BYTES.matcher(type);
    if (fixed.matches()) {
      byte[] bytes = asBytes(value, path);
      if (bytes.length != Integer.parseInt(fixed.group(1))) {
        throw new InvalidTypedDataException(path + " must be " + fixed.group(1) + " bytes, has " + bytes.length);
      }
      byte[] padded = new byte[32];
      System.arraycopy(bytes, 0, padded, 0, bytes.length);
      return padded;
    }
    throw new InvalidTypedDataException(path + " has unknown type " + type);
  }

  private void checkKnownType(String type) {
    String base = baseType(type);
    if (types.containsKey(base) || base.equals("string") || base.equals("bytes") || base.equals("bool")
        || base.equals("address")) {
      return;
    }
    Matcher integer = INTEGER.matcher(base);
    if (integer.matches()) {
      String bits = integer.group(2);
      if (bits.isEmpty() || validWidth(bits, 8, 256, 8)) {
        return;
      }
    }
    Matcher fixed = FIXED_BYTES.matcher(base);
    if (fixed.matches() && validWidth(fixed.group(1), 1, 32, 1)) {
      return;
    }
    throw new InvalidTypedDataException("unknown type " + type);
  }

  private static boolean validWidth(String digits, int min, int max, int step) {
    if (digits.length() > 3) {
      return false;
    }
    int width = Integer.parseInt(digits);
    return width >= min && width <= max && width % step == 0;
  }

  private List<Field> requireStruct(String type) {
    List<Field> fields = types.get(type);
    if (fields == null) {
      throw new InvalidTypedDataException("type " + type + " is not defined");
    }
    return fields;
  }

  private static String baseType(String type) {
    Matcher array = ARRAY.matcher(type);
    return array.matches() ? baseType(array.group(1)) : type;
  }

  private static byte[] word(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[32];
    int length = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - length, out, 32 - length, length);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asStruct(Object value, String path) {
    if (!(value instanceof Map<?, ?>)) {
      throw new InvalidTypedDataException(path + " must be an object");
    }
    return (Map<String, Object>) value;
  }

  private static String asString(Object value, String path) {
    if (!(value instanceof String text)) {
      throw new InvalidTypedDataException(path + " must be a string");
    }
    return text;
  }

  private static boolean asBoolean(Object value, String path) {
    if (!(value instanceof Boolean flag)) {
      throw new InvalidTypedDataException(path + " must be true or false");
    }
    return flag;
  }

  private static byte[] asBytes(Object value, String path) {
    if (value instanceof byte[] bytes) {
      return bytes.clone();
    }
    String text = asString(value, path);
    if (!text.startsWith("0x")) {
      throw new InvalidTypedDataException(path + " must be 0x-prefixed hex");
    }
    try {
      return Bytes.fromHex(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidTypedDataException(path + ": " + e.getMessage());
    }
  }

  private static Address asAddress(Object value, String path) {
    try {
      return Address.fromHex(asString(value, path));
    } catch (IllegalArgumentException e) {
      throw new InvalidTypedDataException(path + ": " + e.getMessage());
    }
  }

  private static BigInteger asInteger(Object value, String path) {
    if (value instanceof BigInteger number) {
      return number;
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return BigInteger.valueOf(((Number) value).longValue());
    }
    String text = asString(value, path);
    try {
      boolean negative = text.startsWith("-");
      String digits = negative ? text.substring(1) : text;
      BigInteger magnitude = digits.startsWith("0x") ? new BigInteger(digits.substring(2), 16) : new BigInteger(digits);
      return negative ? magnitude.negate() : magnitude;
    } catch (NumberFormatException e) {
      throw new InvalidTypedDataException(path + " is not an integer: " + text);
    }
  }
}
