package io.citrate.rpc.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may talk to the endpoint from where, as geth's {@code --http.vhosts} and {@code --http.corsdomain}: the
 * Host header must name an allowed host (against DNS rebinding: a page of another site resolving its name to
 * 127.0.0.1), and a browser page gets CORS headers, or a WebSocket, only when its Origin is allowed. {@code *}
 * allows any host or origin. A request without a Host or Origin header does not come from a browser page and is
 * not refused for it.
 */
public final class HttpAccess {
  private static final String ANY = "*";
  private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

  private final Set<String> hosts;
  private final Set<String> origins;

  private HttpAccess(Set<String> hosts, Set<String> origins) {
    this.hosts = hosts;
    this.origins = origins;
  }

  /** From comma-separated lists: host names (without port) and origins ({@code scheme://host[:port]}). */
  public static HttpAccess of(String hosts, String origins) {
    return new HttpAccess(list(hosts), list(origins));
  }

  private static Set<String> list(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(item -> !item.isEmpty())
        .map(item -> item.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }

  /** Whether a request with Host header {@code host} (null when absent) is served. */
  public boolean hostAllowed(String host) {
    if (host == null || host.isBlank() || hosts.contains(ANY)) {
      return true;
    }
    return hosts.contains(withoutPort(host.trim().toLowerCase(Locale.ROOT)));
  }

  /** {@code host} without its {@code :port}; an IPv6 literal keeps its brackets. */
  private static String withoutPort(String host) {
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end < 0 ? host : host.substring(0, end + 1);
    }
    int colon = host.indexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }

  /**
   * The {@code Access-Control-Allow-Origin} value for a request with Origin header {@code origin}: {@code *} when
   * any origin is allowed, the origin itself when it is listed, empty when CORS headers must not be sent.
   */
  public Optional<String> allowedOrigin(String origin) {
    if (origin == null || origin.isBlank()) {
      return Optional.empty();
    }
    if (origins.contains(ANY)) {
      return Optional.of(ANY);
    }
    return origins.contains(origin.trim().toLowerCase(Locale.ROOT)) ? Optional.of(origin.trim()) : Optional.empty();
  }

  /**
   * Whether a WebSocket upgrade with Origin header {@code origin} (null when absent) is accepted. With no origins
   * configured, pages served from this machine (localhost, 127.0.0.1, [::1], any port) may connect, as geth allows
   * localhost when {@code --ws.origins} is not set: a local dApp under development works out of the box.
   */
  public boolean webSocketOriginAllowed(String origin) {
    if (origin == null || origin.isBlank() || allowedOrigin(origin).isPresent()) {
      return true;
    }
    return origins.isEmpty() && LOOPBACK_HOSTS.contains(hostOf(origin.trim().toLowerCase(Locale.ROOT)));
  }

  /** The host of origin {@code scheme://host[:port]}, or the empty string when it has none. */
  private static String hostOf(String origin) {
    int scheme = origin.indexOf("://");
    return scheme < 0 ? "" : withoutPort(origin.substring(scheme + 3));
  }
}
