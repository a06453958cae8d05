package io.citrate.rpc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpAccessTest {
  private final HttpAccess defaults = HttpAccess.of("localhost,127.0.0.1,[::1]", "");

  @Test
  void theDefaultHostsAreTheLoopbackNamesWithAnyPort() {
    assertThat(defaults.hostAllowed("localhost")).isTrue();
    assertThat(defaults.hostAllowed("127.0.0.1:8545")).isTrue();
    assertThat(defaults.hostAllowed("LOCALHOST:8545")).isTrue();
    assertThat(defaults.hostAllowed("[::1]:8545")).isTrue();
    assertThat(defaults.hostAllowed("[::1]")).isTrue();
  }

  @Test
  void otherHostsAreRefusedAgainstDnsRebinding() {
    assertThat(defaults.hostAllowed("evil.example:8545")).isFalse();
    assertThat(defaults.hostAllowed("localhost.evil.example")).isFalse();
    assertThat(defaults.hostAllowed("10.0.0.1")).isFalse();
    assertThat(defaults.hostAllowed("[::2]:8545")).isFalse();
  }

  @Test
  void aRequestWithoutHostIsNotFromABrowserAndIsServed() {
    assertThat(defaults.hostAllowed(null)).isTrue();
    assertThat(defaults.hostAllowed("")).isTrue();
  }

  @Test
  void aWildcardAllowsEveryHost() {
    assertThat(HttpAccess.of("*", "").hostAllowed("node.example:8545")).isTrue();
  }

  @Test
  void noCorsHeadersByDefault() {
    assertThat(defaults.allowedOrigin("http://localhost:3000")).isEmpty();
    assertThat(defaults.allowedOrigin(null)).isEmpty();
  }

  @Test
  void listedOriginsAreEchoedAndOthersGetNothing() {
    HttpAccess access = HttpAccess.of("localhost", "http://localhost:3000, https://app.example");
    assertThat(access.allowedOrigin("https://app.example")).contains("https://app.example");
    assertThat(access.allowedOrigin("HTTPS://APP.EXAMPLE")).contains("HTTPS://APP.EXAMPLE");
    assertThat(access.allowedOrigin("http://localhost:3000")).contains("http://localhost:3000");
    assertThat(access.allowedOrigin("http://localhost:3001")).isEmpty();
    assertThat(access.allowedOrigin("https://evil.example")).isEmpty();
  }

  @Test
  void aWildcardOriginAnswersStar() {
    assertThat(HttpAccess.of("localhost", "*").allowedOrigin("https://any.example")).contains("*");
  }

  @Test
  void webSocketsFromPagesNeedAnAllowedOriginAndOtherClientsNone() {
    HttpAccess access = HttpAccess.of("localhost", "https://app.example");
    assertThat(access.webSocketOriginAllowed(null)).isTrue();
    assertThat(access.webSocketOriginAllowed("https://app.example")).isTrue();
    assertThat(access.webSocketOriginAllowed("https://evil.example")).isFalse();
    assertThat(access.webSocketOriginAllowed("http://localhost:3000")).isFalse();
  }

  @Test
  void withoutConfiguredOriginsOnlyPagesOfThisMachineGetAWebSocket() {
    assertThat(defaults.webSocketOriginAllowed("http://localhost:3000")).isTrue();
    assertThat(defaults.webSocketOriginAllowed("http://127.0.0.1:5173")).isTrue();
    assertThat(defaults.webSocketOriginAllowed("http://[::1]:8080")).isTrue();
    assertThat(defaults.webSocketOriginAllowed("https://evil.example")).isFalse();
    assertThat(defaults.webSocketOriginAllowed("http://localhost.evil.example")).isFalse();
    assertThat(defaults.webSocketOriginAllowed("null")).isFalse();
  }
}
