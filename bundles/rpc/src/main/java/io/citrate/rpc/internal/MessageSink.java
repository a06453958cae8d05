package io.citrate.rpc.internal;

import java.util.function.Consumer;

/** One client connection's way out: asynchronous text writes and a close with a reason. */
public interface MessageSink {

  /**
   * Starts writing {@code text}; {@code written} gets null once it is written, or the failure. It may run before
   * this method returns, or later on another thread. Never blocks on the client.
   */
  void send(String text, Consumer<Throwable> written);

  /** Closes the connection with a WebSocket close code and a reason the client sees. */
  void close(int code, String reason);
}
