package io.citrate.tensor.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The TensorProto and ModelProto readers against every node fixture and against malformed input. */
class OnnxReaderTest {
  private static final Pattern TYPED_SHAPE = Pattern.compile("(\\w+)\\[([^\\]]*)\\]");

  @Test
  void everyFixtureReadsAsTheManifestDescribesIt() throws IOException {
    Path onnx = NodeTestCase.testdataRoot().resolve("onnx");
    List<String> lines = Files.readAllLines(onnx.resolve("node-manifest.tsv"));
    assertThat(lines).hasSizeGreaterThan(1);
    int checked = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] columns = line.split("\t", -1);
      Path folder = onnx.resolve("node").resolve(columns[0]);
      OnnxModel model = OnnxModel.read(folder.resolve("model.onnx"));
      OnnxNode node = model.singleNode();
      assertThat(node.opType()).as(columns[0]).isEqualTo(columns[1]);
      assertThat(model.opsets()).as(columns[0]).containsEntry("", Long.parseLong(columns[2]));
      assertThat(model.irVersion()).as(columns[0]).isEqualTo(Long.parseLong(columns[3]));
      assertThat(describe(folder, "input", model.graphInputs().size())).as(columns[0]).isEqualTo(
          parseManifest(columns[4]));
      assertThat(describe(folder, "output", model.graphOutputs().size())).as(columns[0]).isEqualTo(
          parseManifest(columns[5]));
      assertThat(describeAttributes(node)).as(columns[0]).isEqualTo(columns[7]);
      checked++;
    }
    assertThat(checked).isEqualTo(lines.size() - 1);
  }

  @Test
  void addFixtureOutputIsTheSumOfItsInputs() {
    Path set = NodeTestCase.testdataRoot().resolve("onnx/node/test_add/test_data_set_0");
    float[] a = OnnxTensor.read(set.resolve("input_0.pb")).floats();
    float[] b = OnnxTensor.read(set.resolve("input_1.pb")).floats();
    float[] sum = OnnxTensor.read(set.resolve("output_0.pb")).floats();
    assertThat(sum).hasSize(60);
    for (int i = 0; i < sum.length; i++) {
      assertThat(sum[i]).isEqualTo(a[i] + b[i]);
    }
  }

  @Test
  void packedSubByteValuesAreSignExtendedOnlyForSignedTypes() {
    Path node = NodeTestCase.testdataRoot().resolve("onnx/node");
    OnnxTensor int4 = OnnxTensor.read(node.resolve("test_dequantizelinear_int4/test_data_set_0/input_0.pb"));
    assertThat(int4.dataType()).isEqualTo(OnnxDataType.INT4);
    assertThat(Arrays.stream(int4.integers()).boxed().toList()).allSatisfy(v -> assertThat(v).isBetween(-8L, 7L))
        .anySatisfy(v -> assertThat(v).isNegative());
    OnnxTensor uint4 = OnnxTensor.read(node.resolve("test_dequantizelinear_uint4/test_data_set_0/input_0.pb"));
    assertThat(Arrays.stream(uint4.integers()).boxed().toList()).allSatisfy(v -> assertThat(v).isBetween(0L, 15L))
        .anySatisfy(v -> assertThat(v).isGreaterThan(7L));
  }

  @Test
  void unpackedAndPackedEncodingsGiveTheSameTensor() {
    byte[] unpacked = concat(tag(1, 0), varint(2), tag(1, 0), varint(3), tag(2, 0), varint(6),
        tag(5, 0), varint(-1), tag(5, 0), varint(2), tag(5, 0), varint(3), tag(5, 0), varint(4),
        tag(5, 0), varint(5), tag(5, 0), varint(Integer.MIN_VALUE), tag(8, 2), lengthDelimited("t".getBytes()));
    byte[] packed = concat(tag(1, 2), lengthDelimited(concat(varint(2), varint(3))), tag(2, 0), varint(6),
        tag(5, 2), lengthDelimited(concat(varint(-1), varint(2), varint(3), varint(4), varint(5),
            varint(Integer.MIN_VALUE))), tag(8, 2), lengthDelimited("t".getBytes()));
    for (byte[] bytes : List.of(unpacked, packed)) {
      OnnxTensor tensor = OnnxTensor.parse(new ProtobufReader(bytes));
      assertThat(tensor.name()).isEqualTo("t");
      assertThat(tensor.dataType()).isEqualTo(OnnxDataType.INT32);
      assertThat(tensor.dims()).containsExactly(2, 3);
      assertThat(tensor.integers()).containsExactly(-1, 2, 3, 4, 5, Integer.MIN_VALUE);
    }
  }

  @Test
  void floatDataAndDoubleDataAreRead() {
    byte[] floats = concat(tag(1, 0), varint(2), tag(2, 0), varint(1), tag(4, 2),
        lengthDelimited(concat(fixed32(Float.floatToIntBits(1.5f)), fixed32(Float.floatToIntBits(-0.0f)))));
    assertThat(OnnxTensor.parse(new ProtobufReader(floats)).floats()).containsExactly(1.5f, -0.0f);
    byte[] doubles = concat(tag(2, 0), varint(11), tag(10, 2), lengthDelimited(fixed64(Double.doubleToLongBits(
        0.25))));
    OnnxTensor scalar = OnnxTensor.parse(new ProtobufReader(doubles));
    assertThat(scalar.rank()).isZero();
    assertThat(scalar.doubles()).containsExactly(0.25);
  }

  @Test
  void malformedTensorsAreRefusedWithTheReason() {
    assertMalformed(concat(tag(1, 0), new byte[] {(byte) 0x80}), "truncated varint");
    assertMalformed(concat(tag(2, 0), varint(1), tag(9, 2), varint(100), new byte[] {1, 2}), "runs past the end");
    assertMalformed(concat(tag(1, 0), varint(3), tag(2, 0), varint(1), tag(9, 2), lengthDelimited(new byte[8])),
        "8 bytes of raw_data, expected 12");
    assertMalformed(concat(tag(2, 0), varint(99)), "unknown tensor data type 99");
    assertMalformed(concat(tag(1, 0), varint(2), tag(2, 0), varint(1)), "with 2 elements has no data");
    assertMalformed(concat(tag(2, 0), varint(1), tag(5, 0), varint(1)), "cannot be stored in int32_data");
    assertMalformed(concat(tag(2, 1), fixed64(1)), "wire type 1, expected 0");
    assertMalformed(new byte[] {0x1B}, "unsupported wire type 3");
    assertMalformed(new byte[] {0}, "invalid field tag 0");
  }

  @Test
  void malformedModelsAreRefusedWithTheFile(@org.junit.jupiter.api.io.TempDir Path directory) throws IOException {
    Path truncated = directory.resolve("model.onnx");
    byte[] real = Files.readAllBytes(NodeTestCase.testdataRoot().resolve("onnx/node/test_add/model.onnx"));
    Files.write(truncated, Arrays.copyOf(real, real.length - 3));
    assertThatThrownBy(() -> OnnxModel.read(truncated)).isInstanceOf(OnnxFormatException.class)
        .hasMessageContaining("model.onnx: malformed ModelProto");
    Path noGraph = directory.resolve("empty.onnx");
    Files.write(noGraph, concat(tag(1, 0), varint(7)));
    assertThatThrownBy(() -> OnnxModel.read(noGraph)).isInstanceOf(OnnxFormatException.class)
        .hasMessageContaining("no graph");
  }

  private static void assertMalformed(byte[] bytes, String reason) {
    assertThatThrownBy(() -> OnnxTensor.parse(new ProtobufReader(bytes))).isInstanceOf(OnnxFormatException.class)
        .hasMessageContaining(reason);
  }

  private static List<String> describe(Path folder, String kind, int count) {
    List<String> described = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      OnnxTensor tensor = OnnxTensor.read(folder.resolve("test_data_set_0").resolve(kind + "_" + i + ".pb"));
      assertThat(tensor.elementCount()).isEqualTo(valueCount(tensor));
      described.add(tensor.dataType() + Arrays.toString(tensor.dims()));
    }
    return described;
  }

  private static int valueCount(OnnxTensor tensor) {
    return switch (tensor.dataType()) {
      case FLOAT -> tensor.floats().length;
      case DOUBLE -> tensor.doubles().length;
      default -> tensor.integers().length;
    };
  }

  private static List<String> parseManifest(String column) {
    List<String> described = new ArrayList<>();
    Matcher matcher = TYPED_SHAPE.matcher(column);
    while (matcher.find()) {
      described.add(matcher.group(1) + "[" + matcher.group(2) + "]");
    }
    return described;
  }

  /** Attributes as the manifest writes them: sorted by name, {@code name=value} joined by ';'. */
  private static String describeAttributes(OnnxNode node) {
    return node.attributes().values().stream().sorted((x, y) -> x.name().compareTo(y.name()))
        .map(OnnxReaderTest::describeAttribute).reduce((x, y) -> x + ";" + y).orElse("");
  }

  private static String describeAttribute(OnnxAttribute attribute) {
    String value = switch (attribute.type()) {
      case OnnxAttribute.FLOAT -> Double.toString(attribute.requireFloat());
      case OnnxAttribute.INT -> Long.toString(attribute.requireInt());
      case OnnxAttribute.STRING -> attribute.requireString();
      case OnnxAttribute.INTS -> Arrays.toString(attribute.requireInts());
      case OnnxAttribute.FLOATS -> Arrays.toString(attribute.requireFloats());
      default -> "type " + attribute.type();
    };
    return attribute.name() + "=" + value;
  }

  private static byte[] tag(int field, int wireType) {
    return varint(field << 3 | wireType);
  }

  private static byte[] varint(long value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while ((value & ~0x7FL) != 0) {
      out.write((int) (value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out.write((int) value);
    return out.toByteArray();
  }

  private static byte[] fixed32(int value) {
    return new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)};
  }

  private static byte[] fixed64(long value) {
    return concat(fixed32((int) value), fixed32((int) (value >>> 32)));
  }

  private static byte[] lengthDelimited(byte[] payload) {
    return concat(varint(payload.length), payload);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Stream.of(parts).forEach(out::writeBytes);
    return out.toByteArray();
  }
}
