package io.citrate.ipfs.internal.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.IpfsException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RemotePinBackendTest {
  private static final Cid CID = Cid.of(1, Cid.RAW, "model".getBytes(StandardCharsets.UTF_8));

  private final FakePinningService service = new FakePinningService("secret");
  private final RemotePinBackend backend =
      new RemotePinBackend("pinata", service.url(), "secret", Duration.ofSeconds(1));

  RemotePinBackendTest() throws Exception {}

  @AfterEach
  void close() {
    service.close();
  }

  @Test
  void createsARequestAndPollsItUntilPinned() {
    BackendPin pin = new BackendPin(CID, "weights", Map.of("model", "m1"), null);

    assertRetryable(() -> backend.pin(pin), "queued");
    String requestId = pin.reference();
    assertThat(requestId).isNotNull();
    assertRetryable(() -> backend.pin(pin), "pinning");
    backend.pin(pin);

    assertThat(pin.reference()).isEqualTo(requestId);
    assertThat(service.requests()).singleElement().satisfies(request -> {
      assertThat(request.name).isEqualTo("weights");
      assertThat(request.meta.path("model").asText()).isEqualTo("m1");
      assertThat(request.status).isEqualTo("pinned");
    });
    assertThat(service.calls).containsExactly("GET /pins", "POST /pins", "GET /pins/" + requestId,
        "GET /pins/" + requestId);
  }

  @Test
  void reusesARequestTheServiceAlreadyHasForTheCid() {
    BackendPin first = new BackendPin(CID, "", Map.of(), null);
    assertRetryable(() -> backend.pin(first), "queued");

    BackendPin second = new BackendPin(CID, "", Map.of(), null);
    assertRetryable(() -> backend.pin(second), "pinning");

    assertThat(second.reference()).isEqualTo(first.reference());
    assertThat(service.requests()).hasSize(1);
  }

  @Test
  void aFailedRequestFailsForGood() {
    service.failing.add(CID);
    BackendPin pin = new BackendPin(CID, "", Map.of(), null);
    assertRetryable(() -> backend.pin(pin), "queued");
    assertRetryable(() -> backend.pin(pin), "pinning");

    assertThatThrownBy(() -> backend.pin(pin))
        .isInstanceOfSatisfying(PinAttemptException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining("failed to pin");
  }

  @Test
  void aRefusedTokenIsNotRetried() {
    RemotePinBackend wrongToken = new RemotePinBackend("pinata", service.url(), "wrong", Duration.ofSeconds(1));

    assertThatThrownBy(() -> wrongToken.pin(CID, ""))
        .isInstanceOfSatisfying(PinAttemptException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining("token refused").hasMessageContaining("401").hasMessageContaining("UNAUTHORIZED");
    assertThat(service.requests()).isEmpty();
  }

  @Test
  void garbageAnswersAreRetryableAndSaySo() {
    service.garbageAnswers = 1;

    assertThatThrownBy(() -> backend.pin(CID, ""))
        .isInstanceOfSatisfying(PinAttemptException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageContaining("GET /pins?cid=" + CID + " with invalid JSON");
    assertThat(service.requests()).isEmpty();
  }

  @Test
  void aHangingServiceTimesOut() {
    service.hangingCalls = 1;
    long started = System.nanoTime();

    assertThatThrownBy(() -> backend.pin(CID, ""))
        .isInstanceOfSatisfying(PinAttemptException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageContaining("did not answer GET /pins?cid=" + CID + " within 1000 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void unpinDeletesTheRequest() {
    BackendPin pin = new BackendPin(CID, "", Map.of(), null);
    assertRetryable(() -> backend.pin(pin), "queued");

    backend.unpin(CID, pin.reference());
    backend.unpin(CID, pin.reference());

    assertThat(service.requests()).isEmpty();
  }

  @Test
  void unpinWithoutAReferenceDeletesEveryRequestOfTheCid() {
    assertRetryable(() -> backend.pin(CID, ""), "queued");

    backend.unpin(CID);

    assertThat(service.requests()).isEmpty();
  }

  @Test
  void aMisconfiguredServiceIsRefusedUpFront() {
    assertThatThrownBy(() -> new RemotePinBackend("pinata", URI.create("ftp://pins.example"), "secret",
        Duration.ofSeconds(1))).isInstanceOf(IpfsException.class).hasMessageContaining("not an http or https URL");
    assertThatThrownBy(() -> new RemotePinBackend("pinata", service.url(), " ", Duration.ofSeconds(1)))
        .isInstanceOf(IpfsException.class).hasMessageContaining("no access token");
    assertThatThrownBy(() -> new RemotePinBackend("pinata", service.url(), "secret", Duration.ZERO))
        .isInstanceOf(IpfsException.class).hasMessageContaining("timeout must be positive");
  }

  private static void assertRetryable(Runnable attempt, String status) {
    assertThatThrownBy(attempt::run)
        .isInstanceOfSatisfying(PinAttemptException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageEndingWith(status);
  }
}
