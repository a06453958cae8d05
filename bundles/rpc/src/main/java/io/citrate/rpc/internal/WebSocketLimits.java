package io.citrate.rpc.internal;

/** The limits of one WebSocket connection, from {@link RpcConfiguration}. */
record WebSocketLimits(int batchMaxRequests, int maxSubscriptions, int sendQueueMax) {

  static WebSocketLimits of(RpcConfiguration configuration) {
    return new WebSocketLimits(configuration.batch_max_requests(), configuration.ws_max_subscriptions_per_connection(),
        configuration.ws_send_queue_max());
  }
}
