package io.citrate.benchmarks;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Single-node ONNX models written as protobuf bytes, for ONNX Runtime's side of {@link TensorBenchmark}. The
 * field numbers are those of onnx.proto (ModelProto, GraphProto, NodeProto, ...); writing the few messages
 * needed by hand keeps an ONNX library out of the benchmarks.
 */
final class OnnxModel {
  /** TensorProto.DataType values. */
  static final int FLOAT = 1;
  static final int UINT8 = 2;
  static final int INT8 = 3;
  static final int INT32 = 6;

  private static final long IR_VERSION = 8;
  private static final long OPSET = 13;

  private OnnxModel() {}

  /** {@code Y = A x B}, both float inputs of n x n. */
  static byte[] matMul(int n) {
    long[] square = {n, n};
    return model(new Message()
        .message(1, node("MatMul", new String[] {"A", "B"}, "Y"))
        .string(2, "sgemm")
        .message(11, valueInfo("A", FLOAT, square))
        .message(11, valueInfo("B", FLOAT, square))
        .message(12, valueInfo("Y", FLOAT, square)));
  }

  /**
   * {@code Y = Conv(X, W)} without bias, square kernel, equal padding on every side and stride 1; the weights
   * are an initializer, as a trained model's are.
   */
  static byte[] conv(long[] inputShape, long[] weightShape, float[] weights, int pad, long[] outputShape) {
    Message node = node("Conv", new String[] {"X", "W"}, "Y")
        .message(5, intsAttribute("kernel_shape", weightShape[2], weightShape[3]))
        .message(5, intsAttribute("pads", pad, pad, pad, pad))
        .message(5, intsAttribute("strides", 1, 1));
    ByteBuffer raw = ByteBuffer.allocate(weights.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    raw.asFloatBuffer().put(weights);
    return model(new Message()
        .message(1, node)
        .string(2, "conv")
        .message(5, initializer("W", FLOAT, weightShape, raw.array()))
        .message(11, valueInfo("X", FLOAT, inputShape))
        .message(12, valueInfo("Y", FLOAT, outputShape)));
  }

  /**
   * {@code Y = MatMulInteger(A, B, aZero, bZero)}: A uint8 and B int8 inputs of n x n, int32 output, the
   * scalar zero points initializers.
   */
  static byte[] matMulInteger(int n, int aZero, int bZero) {
    long[] square = {n, n};
    return model(new Message()
        .message(1, node("MatMulInteger", new String[] {"A", "B", "a_zero_point", "b_zero_point"}, "Y"))
        .string(2, "int8_gemm")
        .message(5, initializer("a_zero_point", UINT8, new long[0], new byte[] {(byte) aZero}))
        .message(5, initializer("b_zero_point", INT8, new long[0], new byte[] {(byte) bZero}))
        .message(11, valueInfo("A", UINT8, square))
        .message(11, valueInfo("B", INT8, square))
        .message(12, valueInfo("Y", INT32, square)));
  }

  private static byte[] model(Message graph) {
    return new Message()
        .varint(1, IR_VERSION)
        .string(2, "citrate-benchmarks")
        .message(7, graph)
        .message(8, new Message().string(1, "").varint(2, OPSET))
        .toByteArray();
  }

  private static Message node(String operator, String[] inputs, String output) {
    Message node = new Message();
    for (String input : inputs) {
      node.string(1, input);
    }
    return node.string(2, output).string(3, operator.toLowerCase()).string(4, operator);
  }

  /** An AttributeProto of type INTS (7). */
  private static Message intsAttribute(String name, long... values) {
    Message attribute = new Message().string(1, name).varint(20, 7);
    for (long value : values) {
      attribute.varint(8, value);
    }
    return attribute;
  }

  /** A ValueInfoProto: name, then TypeProto.tensor_type with element type and fixed dimensions. */
  private static Message valueInfo(String name, int elementType, long[] shape) {
    Message dims = new Message();
    for (long dim : shape) {
      dims.message(1, new Message().varint(1, dim));
    }
    Message tensorType = new Message().varint(1, elementType).message(2, dims);
    return new Message().string(1, name).message(2, new Message().message(1, tensorType));
  }

  /** A TensorProto holding its values as little-endian raw_data. */
  private static Message initializer(String name, int dataType, long[] shape, byte[] raw) {
    Message tensor = new Message();
    for (long dim : shape) {
      tensor.varint(1, dim);
    }
    return tensor.varint(2, dataType).string(8, name).bytes(9, raw);
  }

  /** A protobuf message under construction: fields appended in the order written. */
  private static final class Message {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Message varint(int field, long value) {
      writeVarint((long) field << 3);
      writeVarint(value);
      return this;
    }

    Message bytes(int field, byte[] value) {
      writeVarint((long) field << 3 | 2);
      writeVarint(value.length);
      out.writeBytes(value);
      return this;
    }

    Message string(int field, String value) {
      return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    Message message(int field, Message value) {
      return bytes(field, value.toByteArray());
    }

    byte[] toByteArray() {
      return out.toByteArray();
    }

    /** Base-128, least significant group first; a negative value takes ten bytes, as int64 does on the wire. */
    private void writeVarint(long value) {
      while ((value & ~0x7FL) != 0) {
        out.write((int) (value & 0x7F) | 0x80);
        value >>>= 7;
      }
      out.write((int) value);
    }
  }
}
