package io.citrate.rpc.internal.methods;

import com.fasterxml.jackson.databind.JsonNode;
import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.crypto.Keccak256;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.vm.api.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which logs a filter wants, by emitter and topics, as {@code eth_getLogs}, {@code eth_newFilter} and {@code logs}
 * subscriptions take it: {@code address} is one address or a list (any of them; absent or empty = any), and
 * {@code topics} lists per position the topic wanted, null for any, or a list of alternatives. The block range is
 * the caller's business.
 */
final class LogFilter {
  private static final int MAX_TOPICS = 4;
  private static final int BLOOM_SIZE = 256;

  private final Set<Address> addresses;
  /** Per position: the acceptable topics, or an empty set for any topic. */
  private final List<Set<Hash>> topics;

  LogFilter(Set<Address> addresses, List<Set<Hash>> topics) {
    this.addresses = Set.copyOf(addresses);
    this.topics = List.copyOf(topics);
  }

  /** The filter of a criteria object; null means every log. */
  static LogFilter parse(JsonNode criteria) throws JsonRpcException {
    if (criteria == null || criteria.isNull()) {
      return new LogFilter(Set.of(), List.of());
    }
    if (!criteria.isObject()) {
      throw JsonRpcException.invalidParams("filter: a JSON object");
    }
    return new LogFilter(addresses(criteria.get("address")), topics(criteria.get("topics")));
  }

  private static Set<Address> addresses(JsonNode value) throws JsonRpcException {
    if (value == null || value.isNull()) {
      return Set.of();
    }
    if (value.isTextual()) {
      return Set.of(Quantities.address(value, "address"));
    }
    if (!value.isArray()) {
      throw JsonRpcException.invalidParams("address: an address or a list of addresses");
    }
    List<Address> addresses = new ArrayList<>();
    for (JsonNode item : value) {
      addresses.add(Quantities.address(item, "address"));
    }
    return Set.copyOf(addresses);
  }

  private static List<Set<Hash>> topics(JsonNode value) throws JsonRpcException {
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw JsonRpcException.invalidParams("topics: a list");
    }
    if (value.size() > MAX_TOPICS) {
      throw JsonRpcException.invalidParams("topics: at most " + MAX_TOPICS + " positions");
    }
    List<Set<Hash>> positions = new ArrayList<>();
    for (JsonNode position : value) {
      if (position.isNull()) {
        positions.add(Set.of());
      } else if (position.isArray()) {
        List<Hash> alternatives = new ArrayList<>();
        boolean wildcard = false;
        for (JsonNode alternative : position) {
          if (alternative.isNull()) {
            wildcard = true;
          } else {
            alternatives.add(Quantities.hash(alternative, "topic"));
          }
        }
        positions.add(wildcard ? Set.of() : Set.copyOf(alternatives));
      } else {
        positions.add(Set.of(Quantities.hash(position, "topic")));
      }
    }
    // Trailing wildcards constrain nothing, not even the number of topics.
    while (!positions.isEmpty() && positions.get(positions.size() - 1).isEmpty()) {
      positions.remove(positions.size() - 1);
    }
    return positions;
  }

  boolean matches(Log log) {
    if (!addresses.isEmpty() && !addresses.contains(log.address())) {
      return false;
    }
    List<Hash> logTopics = log.topics();
    if (logTopics.size() < topics.size()) {
      return false;
    }
    for (int i = 0; i < topics.size(); i++) {
      Set<Hash> wanted = topics.get(i);
      if (!wanted.isEmpty() && !wanted.contains(logTopics.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a block or receipt with logs bloom {@code bloom} may hold a matching log; false means it cannot, so it
   * need not be read.
   */
  boolean mayMatch(byte[] bloom) {
    if (!addresses.isEmpty() && addresses.stream().noneMatch(address -> inBloom(bloom, address.unsafeBytes()))) {
      return false;
    }
    for (Set<Hash> wanted : topics) {
      if (!wanted.isEmpty() && wanted.stream().noneMatch(topic -> inBloom(bloom, topic.unsafeBytes()))) {
        return false;
      }
    }
    return true;
  }

  /** The three bits Ethereum's bloom sets for {@code value} (yellow paper M3:2048). */
  private static boolean inBloom(byte[] bloom, byte[] value) {
    byte[] hash = Keccak256.hash(value).unsafeBytes();
    for (int i = 0; i < 6; i += 2) {
      int bit = (((hash[i] & 0xff) << 8) | (hash[i + 1] & 0xff)) & 2047;
      if ((bloom[BLOOM_SIZE - 1 - bit / 8] & (1 << (bit % 8))) == 0) {
        return false;
      }
    }
    return true;
  }
}
