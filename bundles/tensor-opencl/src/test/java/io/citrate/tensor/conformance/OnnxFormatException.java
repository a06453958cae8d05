package io.citrate.tensor.conformance;

/** A protobuf file that is not a well-formed TensorProto or ModelProto, with where and why. */
public final class OnnxFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OnnxFormatException(String message) {
    super(message);
  }

  public OnnxFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
