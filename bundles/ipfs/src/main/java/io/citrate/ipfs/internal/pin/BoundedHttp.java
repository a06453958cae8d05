package io.citrate.ipfs.internal.pin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP calls to a remote backend with a deadline for the whole call (sending, any upload, and the answer's body) and
 * a limit on the answer's size, so a backend that hangs or streams without end costs one timeout, never a thread.
 */
final class BoundedHttp {
  private final HttpClient client;
  private final Duration timeout;

  /** A complete answer: its status and body. */
  record Answer(int status, byte[] body) {
    boolean ok() {
      return status / 100 == 2;
    }

    /** The body as a JSON object; otherwise a retryable failure: "{@code answered} with invalid JSON: why". */
    JsonNode jsonObject(ObjectMapper json, String answered) {
      try {
        JsonNode node = json.readTree(body);
        if (node == null || !node.isObject()) {
          throw new IOException("not a JSON object");
        }
        return node;
      } catch (IOException e) {
        throw new PinAttemptException(answered + " with invalid JSON: " + e.getMessage(), true, e);
      }
    }
  }

  BoundedHttp(Duration timeout) {
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      throw new IpfsException(Kind.INVALID_DATA, "a pin backend timeout must be positive, not " + timeout);
    }
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Refuses an address that is not an absolute http or https URL, naming {@code what} it was meant to be. */
  static void checkHttpUrl(URI url, String what) {
    if (url == null || url.getHost() == null
        || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))) {
      throw new IpfsException(Kind.INVALID_DATA, what + " '" + url + "' is not an http or https URL");
    }
  }

  Duration timeout() {
    return timeout;
  }

  /**
   * Sends {@code request} and reads the answer of at most {@code maxBodyBytes}. Throws {@link HttpTimeoutException}
   * past the deadline, and IOException when the connection fails or the answer is longer than allowed.
   */
  Answer send(HttpRequest.Builder request, int maxBodyBytes) throws IOException {
    CompletableFuture<HttpResponse<byte[]>> call =
        client.sendAsync(request.timeout(timeout).build(), info -> limited(maxBodyBytes));
    try {
      HttpResponse<byte[]> response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new Answer(response.statusCode(), response.body());
    } catch (TimeoutException e) {
      call.cancel(true);
      throw new HttpTimeoutException("no complete answer within " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for an answer");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException(cause.getMessage(), cause);
    }
  }

  /** Collects a body of at most {@code limit} bytes; a longer one fails the call rather than filling memory. */
  private static BodySubscriber<byte[]> limited(int limit) {
    return new BodySubscriber<>() {
      private final CompletableFuture<byte[]> body = new CompletableFuture<>();
      private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      private Flow.Subscription subscription;

      @Override
      public CompletionStage<byte[]> getBody() {
        return body;
      }

      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer item : items) {
          if (body.isDone()) {
            return;
          }
          if (buffer.size() + (long) item.remaining() > limit) {
            subscription.cancel();
            body.completeExceptionally(new IOException("answer longer than " + limit + " bytes"));
            return;
          }
          byte[] bytes = new byte[item.remaining()];
          item.get(bytes);
          buffer.writeBytes(bytes);
        }
      }

      @Override
      public void onError(Throwable error) {
        body.completeExceptionally(error);
      }

      @Override
      public void onComplete() {
        body.complete(buffer.toByteArray());
      }
    };
  }
}
