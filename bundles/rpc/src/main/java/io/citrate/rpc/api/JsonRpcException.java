package io.citrate.rpc.api;

import java.util.Objects;
import java.util.Optional;

/** A request that fails with an error the client is told: its code, a message, and optional data. */
public final class JsonRpcException extends Exception {
  private static final long serialVersionUID = 1L;
  private final JsonRpcError error;
  private final transient Object data;

  public JsonRpcException(JsonRpcError error, String message) {
    this(error, message, null);
  }

  public JsonRpcException(JsonRpcError error, String message, Object data) {
    super(message);
    this.error = Objects.requireNonNull(error, "error");
    this.data = data;
  }

  public JsonRpcError error() {
    return error;
  }

  /** What the error's {@code data} member carries, such as a call's revert data. */
  public Optional<Object> data() {
    return Optional.ofNullable(data);
  }

  public static JsonRpcException invalidParams(String message) {
    return new JsonRpcException(JsonRpcError.INVALID_PARAMS, message);
  }
}
