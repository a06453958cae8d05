package io.citrate.tensor.internal.java;

import io.citrate.tensor.api.DType;
import io.citrate.tensor.api.TensorException;
import io.citrate.tensor.internal.kernel.DeviceBuffer;

/**
 * A buffer in the Java heap: {@code float[]} for FLOAT32, {@code byte[]} for INT8 and UINT8 (UINT8 read with
 * {@code & 0xFF}), {@code int[]} for INT32 and Q16_16 (raw).
 */
final class JavaBuffer implements DeviceBuffer {
  private final DType dtype;
  private final int count;
  private volatile Object storage;

  JavaBuffer(DType dtype, int count) {
    if (count < 0) {
      throw new TensorException(TensorException.Kind.INVALID_ARGUMENT, "negative element count " + count);
    }
    this.dtype = dtype;
    this.count = count;
    this.storage = switch (dtype) {
      case FLOAT32 -> new float[count];
      case INT8, UINT8 -> new byte[count];
      case INT32, Q16_16 -> new int[count];
    };
  }

  @Override
  public DType dtype() {
    return dtype;
  }

  @Override
  public int count() {
    return count;
  }

  @Override
  public void close() {
    storage = null;
  }

  float[] floats() {
    return (float[]) open(DType.FLOAT32);
  }

  byte[] bytes() {
    if (dtype != DType.INT8 && dtype != DType.UINT8) {
      throw wrongType("an 8-bit");
    }
    return (byte[]) live();
  }

  int[] ints() {
    if (dtype != DType.INT32 && dtype != DType.Q16_16) {
      throw wrongType("a 32-bit integer");
    }
    return (int[]) live();
  }

  /** Element {@code index} widened to int: INT8 sign-extended, UINT8 zero-extended; not for FLOAT32. */
  int intAt(int index) {
    return switch (dtype) {
      case INT8 -> bytes()[index];
      case UINT8 -> bytes()[index] & 0xFF;
      case INT32, Q16_16 -> ints()[index];
      case FLOAT32 -> throw wrongType("an integer");
    };
  }

  /** Every element widened to int as {@link #intAt}. */
  int[] toInts() {
    int[] values = new int[count];
    switch (dtype) {
      case INT8 -> {
        byte[] bytes = bytes();
        for (int i = 0; i < count; i++) {
          values[i] = bytes[i];
        }
      }
      case UINT8 -> {
        byte[] bytes = bytes();
        for (int i = 0; i < count; i++) {
          values[i] = bytes[i] & 0xFF;
        }
      }
      case INT32, Q16_16 -> System.arraycopy(ints(), 0, values, 0, count);
      case FLOAT32 -> throw wrongType("an integer");
    }
    return values;
  }

  /** The backing array, whatever its type, for type-agnostic moves. */
  Object live() {
    Object array = storage;
    if (array == null) {
      throw new TensorException(TensorException.Kind.CLOSED, "the " + dtype + " buffer was released");
    }
    return array;
  }

  private Object open(DType expected) {
    if (dtype != expected) {
      throw wrongType(expected.toString());
    }
    return live();
  }

  private TensorException wrongType(String expected) {
    return new TensorException(TensorException.Kind.WRONG_DTYPE,
        "the kernel needs " + expected + " buffer, not " + dtype);
  }
}
