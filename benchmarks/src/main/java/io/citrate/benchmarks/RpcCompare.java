package io.citrate.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citrate.core.api.Bytes;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * JSON-RPC requests per second and latency of running nodes, compared: {@code eth_getBalance}, {@code eth_call} of
 * a view function and {@code eth_getLogs} over the blocks of a few hundred events (after {@link RpcFixture} has
 * given every node the same transactions), beside {@code eth_chainId} and {@code eth_blockNumber}, which need no
 * state and show what the server's HTTP and JSON-RPC handling costs alone. For each method and node,
 * after a warm-up pass over all methods, another warm-up, then repeated closed-loop runs (highest rate) and
 * open-loop runs at a fixed rate (latency percentiles from the scheduled send times), every response checked
 * against the known answer. It prints each run, then the medians per node and the ratio of the first node's rate to
 * the second's.
 *
 * <p>Usage: {@code RpcCompare [--duration=5] [--warmup=5] [--repetitions=3] [--rate=1000] [--connections=16]
 * [--client=socket|jdk] [--methods=eth_chainId,...] NAME=URL[@PID] ...}; {@code PID}, the server's process, lets it
 * report the server's CPU time per request (its child processes included); {@code --methods} measures only those.
 * {@code benchmarks/rpc-compare.sh} starts Citrate and ganache and runs it.
 */
public final class RpcCompare {
  private static final PrintStream OUT = System.out;
  private static final long REQUEST_ID = 1;

  /** A measured method: whether it needs the fixture's state, and what it asks given that state. */
  private enum Method {
    ETH_CHAIN_ID("eth_chainId", false),
    ETH_BLOCK_NUMBER("eth_blockNumber", false),
    ETH_GET_BALANCE("eth_getBalance", true),
    ETH_CALL("eth_call", true),
    ETH_GET_LOGS("eth_getLogs", true);

    final String wireName;
    final boolean needsFixture;

    Method(String wireName, boolean needsFixture) {
      this.wireName = wireName;
      this.needsFixture = needsFixture;
    }
  }

  /** A node under test: its endpoint, its server process where known, and what preparing it gave. */
  private static final class Node {
    final String name;
    final URI endpoint;
    final Optional<ProcessHandle> process;
    final JsonRpcClient client;
    Optional<RpcFixture.Prepared> prepared = Optional.empty();
    String unprepared = "not prepared";

    Node(String name, URI endpoint, Optional<ProcessHandle> process) {
      this.name = name;
      this.endpoint = endpoint;
      this.process = process;
      this.client = new JsonRpcClient(endpoint);
    }

    /** CPU time of the server process and its descendants, -1 if unknown. */
    long cpuNanos() {
      if (process.isEmpty() || !process.get().isAlive()) {
        return -1;
      }
      long total = 0;
      for (ProcessHandle handle : Stream.concat(Stream.of(process.get()), process.get().descendants()).toList()) {
        Optional<Duration> cpu = handle.info().totalCpuDuration();
        if (cpu.isEmpty()) {
          return -1;
        }
        total += cpu.get().toNanos();
      }
      return total;
    }
  }

  /** A method measured on one node: its runs, or why it was not measured. */
  private record Outcome(Optional<String> notMeasured, List<LoadGenerator.Counts> closed,
      List<LoadGenerator.OpenLoop> open) {
    static Outcome skipped(String reason) {
      return new Outcome(Optional.of(reason), List.of(), List.of());
    }

    double rate() {
      return median(closed.stream().mapToDouble(LoadGenerator.Counts::rate).toArray());
    }

    double percentile(double q) {
      return median(open.stream().mapToDouble(run -> run.percentileMillis(q)).toArray());
    }

    double maxMillis() {
      return open.stream().mapToDouble(run -> run.percentileMillis(1)).max().orElse(Double.NaN);
    }

    long errors() {
      return Stream.concat(closed.stream(), open.stream().map(LoadGenerator.OpenLoop::counts))
          .mapToLong(LoadGenerator.Counts::errors).sum();
    }

    long unsent() {
      return open.stream().mapToLong(LoadGenerator.OpenLoop::unsent).sum();
    }

    double clientCpuMicros() {
      return median(closed.stream().mapToDouble(LoadGenerator.Counts::clientCpuMicros).toArray());
    }

    double serverCpuMicros() {
      return median(closed.stream().mapToDouble(LoadGenerator.Counts::serverCpuMicros).toArray());
    }
  }

  private final double seconds;
  private final double warmUpSeconds;
  private final int repetitions;
  private final int rate;
  private final int connections;
  private final List<Method> methods;
  private final HttpConnection.Client httpClient;
  private final List<Node> nodes;
  private final RpcFixture fixture = RpcFixture.sign();
  private final Map<Method, Map<Node, Outcome>> outcomes = new LinkedHashMap<>();

  private RpcCompare(Map<String, String> options, List<Node> nodes) {
    seconds = Double.parseDouble(options.getOrDefault("duration", "5"));
    warmUpSeconds = Double.parseDouble(options.getOrDefault("warmup", "5"));
    repetitions = Integer.parseInt(options.getOrDefault("repetitions", "3"));
    rate = Integer.parseInt(options.getOrDefault("rate", "1000"));
    connections = Integer.parseInt(options.getOrDefault("connections", "16"));
    List<String> chosen = Arrays.asList(options.getOrDefault("methods", "").split(","));
    methods = Arrays.stream(Method.values())
        .filter(method -> !options.containsKey("methods") || chosen.contains(method.wireName)).toList();
    httpClient = HttpConnection.Client.valueOf(options.getOrDefault("client", "socket").toUpperCase(Locale.ROOT));
    this.nodes = nodes;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    List<Node> nodes = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith("--") && arg.contains("=")) {
        options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
      } else if (arg.contains("=")) {
        String name = arg.substring(0, arg.indexOf('='));
        String target = arg.substring(arg.indexOf('=') + 1);
        int at = target.lastIndexOf('@');
        Optional<ProcessHandle> process = at < 0 ? Optional.empty()
            : ProcessHandle.of(Long.parseLong(target.substring(at + 1)));
        nodes.add(new Node(name, URI.create(at < 0 ? target : target.substring(0, at)), process));
      } else {
        throw new IllegalArgumentException("expected --option=value or NAME=URL[@PID], got " + arg);
      }
    }
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("usage: RpcCompare [--duration=5] [--warmup=5] [--repetitions=3]"
          + " [--rate=1000] [--connections=16] [--client=socket|jdk] [--methods=eth_chainId,...]"
          + " NAME=URL[@PID] ...");
    }
    RpcCompare compare = new RpcCompare(options, nodes);
    compare.prepareAll();
    compare.measureAll();
    compare.report();
  }

  private void prepareAll() {
    OUT.printf("JSON-RPC comparison: %s; closed loop on %d connections, open loop at %,d req/s; %d x %.0f s per"
            + " mode after %.0f s warm-up; %s client; %d cores; java %s%n", nodes.stream().map(n -> n.name + " "
            + n.endpoint).toList(), connections, rate, repetitions, seconds, warmUpSeconds,
        httpClient.name().toLowerCase(Locale.ROOT), Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    for (Node node : nodes) {
      OUT.printf("%nPreparing %s: deploying the contract at %s, %d Tick events, paying %s%n", node.name,
          fixture.contract().toHex(), fixture.ticks(), RpcFixture.RECIPIENT.toHex());
      try {
        node.prepared = Optional.of(fixture.prepare(node.client, OUT));
      } catch (JsonRpcClient.ErrorResponse e) {
        node.unprepared = e.code() == JsonRpcClient.ErrorResponse.METHOD_NOT_FOUND
            ? "no fixture: " + e.getMessage() : "fixture failed: " + e.getMessage();
      } catch (RpcFixture.PreparationException e) {
        node.unprepared = "fixture failed: " + e.getMessage();
      } catch (IOException e) {
        node.unprepared = "fixture failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
      }
      node.prepared.ifPresentOrElse(p -> { }, () -> OUT.printf("  %s%n", node.unprepared));
    }
  }

  /** A method ready to be measured on a node: the request, and the check of its answer. */
  private record Target(byte[] body, ResponseCheck check) {}

  /** Why a method cannot be measured on a node. */
  private static final class NotMeasurable extends Exception {
    NotMeasurable(String reason) {
      super(reason);
    }
  }

  private void measureAll() throws InterruptedException {
    OUT.printf("%nChecking one answer of each method on each node%n");
    Map<Method, Map<Node, Target>> targets = new LinkedHashMap<>();
    for (Method method : methods) {
      outcomes.put(method, new LinkedHashMap<>());
      targets.put(method, new LinkedHashMap<>());
      for (Node node : nodes) {
        try {
          targets.get(method).put(node, target(method, node));
        } catch (NotMeasurable e) {
          OUT.printf("%-16s %-8s not measured (%s)%n", method.wireName, node.name, e.getMessage());
          outcomes.get(method).put(node, Outcome.skipped(e.getMessage()));
        }
      }
    }
    // A freshly started JVM compiles its request path over the first seconds of load (Karaf's took more than
    // 10 s on two busy cores): warming every method on every node before measuring any keeps that cost out of
    // the figures of whichever method comes first.
    OUT.printf("%nWarm-up: %.0f s of closed loop per method and node%n", warmUpSeconds);
    for (Node node : nodes) {
      for (Method method : methods) {
        Target target = targets.get(method).get(node);
        if (target != null) {
          LoadGenerator.Counts warmUp = load(node).closedLoop(target.body(), target.check(), warmUpSeconds);
          OUT.printf("%-16s %-8s %,10.0f req/s%s%n", method.wireName, node.name, warmUp.rate(), errors(warmUp));
        }
      }
    }
    for (Method method : methods) {
      OUT.printf("%n== %s%n", method.wireName);
      for (Node node : nodes) {
        Target target = targets.get(method).get(node);
        if (target != null) {
          outcomes.get(method).put(node, measure(node, target));
        }
      }
    }
  }

  private LoadGenerator load(Node node) {
    return new LoadGenerator(httpClient.connections(node.endpoint), connections, node::cpuNanos);
  }

  /** The request and its check, after one request: a method not served, or answered wrongly, is not timed. */
  private Target target(Method method, Node node) throws NotMeasurable {
    if (method.needsFixture && node.prepared.isEmpty()) {
      throw new NotMeasurable(node.unprepared);
    }
    try {
      byte[] body = request(method, node);
      ResponseCheck check = check(method, node);
      try (HttpConnection probe = new SocketHttpConnection(node.endpoint)) {
        Optional<String> problem = check.problem(probe.post(body));
        if (problem.isPresent()) {
          throw new NotMeasurable(problem.get());
        }
      }
      return new Target(body, check);
    } catch (JsonRpcClient.ErrorResponse | RpcFixture.PreparationException e) {
      throw new NotMeasurable(e.getMessage());
    } catch (IOException e) {
      throw new NotMeasurable(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** A warm-up of the method, then its closed-loop runs, then its open-loop runs. */
  private Outcome measure(Node node, Target target) throws InterruptedException {
    byte[] body = target.body();
    ResponseCheck check = target.check();
    LoadGenerator load = load(node);
    LoadGenerator.Counts warmUp = load.closedLoop(body, check, warmUpSeconds);
    OUT.printf("%-8s warm-up  %,10.0f req/s%s%n", node.name, warmUp.rate(), errors(warmUp));
    List<LoadGenerator.Counts> closed = new ArrayList<>();
    for (int i = 1; i <= repetitions; i++) {
      LoadGenerator.Counts run = load.closedLoop(body, check, seconds);
      closed.add(run);
      OUT.printf("%-8s closed %d %,10.0f req/s   client %6.1f us/req, server %6.1f us/req CPU%s%n", node.name, i,
          run.rate(), run.clientCpuMicros(), run.serverCpuMicros(), errors(run));
    }
    List<LoadGenerator.OpenLoop> open = new ArrayList<>();
    for (int i = 1; i <= repetitions; i++) {
      LoadGenerator.OpenLoop run = load.openLoop(body, check, rate, seconds);
      open.add(run);
      OUT.printf("%-8s open   %d %,10.0f req/s   p50 %7.2f  p90 %7.2f  p99 %7.2f  max %7.2f ms%s%s%n", node.name, i,
          run.counts().rate(), run.percentileMillis(0.5), run.percentileMillis(0.9), run.percentileMillis(0.99),
          run.percentileMillis(1), run.keptUp() ? "" : String.format("   behind: %,d of %,d requests unsent",
              run.unsent(), run.scheduled()), errors(run.counts()));
    }
    return new Outcome(Optional.empty(), closed, open);
  }

  private static String errors(LoadGenerator.Counts counts) {
    return counts.errors() == 0 ? ""
        : String.format("   %,d ERRORS, first: %s", counts.errors(), counts.firstError().orElse(""));
  }

  /** The request body: the same on every node except the block range of {@code eth_getLogs}. */
  private byte[] request(Method method, Node node) {
    return switch (method) {
      case ETH_CHAIN_ID, ETH_BLOCK_NUMBER -> JsonRpcClient.request(REQUEST_ID, method.wireName);
      case ETH_GET_BALANCE -> JsonRpcClient.request(REQUEST_ID, method.wireName, RpcFixture.RECIPIENT.toHex(),
          "latest");
      case ETH_CALL -> {
        ObjectNode call = JsonRpcClient.JSON.createObjectNode().put("to", fixture.contract().toHex())
            .put("data", Bytes.toHex(RpcFixture.TICKS_SELECTOR));
        yield JsonRpcClient.request(REQUEST_ID, method.wireName, call, "latest");
      }
      case ETH_GET_LOGS -> {
        RpcFixture.Prepared prepared = node.prepared.orElseThrow();
        ObjectNode filter = JsonRpcClient.JSON.createObjectNode().put("address", fixture.contract().toHex())
            .put("fromBlock", RpcFixture.hexQuantity(prepared.fromBlock()))
            .put("toBlock", RpcFixture.hexQuantity(prepared.toBlock()));
        yield JsonRpcClient.request(REQUEST_ID, method.wireName, filter);
      }
    };
  }

  /** What the right answer is; for {@code eth_blockNumber}, the head the node reports now, which must hold. */
  private ResponseCheck check(Method method, Node node)
      throws IOException, JsonRpcClient.ErrorResponse, RpcFixture.PreparationException {
    return switch (method) {
      case ETH_CHAIN_ID -> new ResponseCheck(REQUEST_ID, quantityEquals(BigInteger.valueOf(RpcFixture.CHAIN_ID)));
      case ETH_BLOCK_NUMBER -> new ResponseCheck(REQUEST_ID,
          quantityEquals(RpcFixture.quantity(node.client.call("eth_blockNumber"))));
      case ETH_GET_BALANCE -> new ResponseCheck(REQUEST_ID,
          quantityEquals(RpcFixture.RECIPIENT_AMOUNT.toBigInteger()));
      case ETH_CALL -> new ResponseCheck(REQUEST_ID, result -> result.isTextual()
          && result.asText().equalsIgnoreCase(Bytes.toHex(EvmWorkloads.word(fixture.ticks())))
          ? Optional.empty() : Optional.of("ticks() returned " + result));
      case ETH_GET_LOGS -> new ResponseCheck(REQUEST_ID, logs -> logsProblem(logs, node.prepared.orElseThrow()));
    };
  }

  private static Function<JsonNode, Optional<String>> quantityEquals(BigInteger expected) {
    return result -> {
      try {
        return RpcFixture.quantity(result).equals(expected) ? Optional.empty()
            : Optional.of("result " + result + " instead of 0x" + expected.toString(16));
      } catch (RpcFixture.PreparationException e) {
        return Optional.of(e.getMessage());
      }
    };
  }

  /** The Tick events in order, numbered 0 to ticks - 1, each from the contract and in the range's blocks. */
  private Optional<String> logsProblem(JsonNode logs, RpcFixture.Prepared prepared) {
    if (!logs.isArray() || logs.size() != fixture.ticks()) {
      return Optional.of("expected " + fixture.ticks() + " logs, got " + (logs.isArray() ? logs.size() : logs));
    }
    String topic = RpcFixture.TICK_TOPIC.toHex();
    for (int i = 0; i < logs.size(); i++) {
      JsonNode log = logs.get(i);
      long block;
      try {
        block = RpcFixture.quantity(log.path("blockNumber")).longValueExact();
      } catch (RpcFixture.PreparationException | ArithmeticException e) {
        return Optional.of("log " + i + ": blockNumber " + log.path("blockNumber"));
      }
      boolean right = log.path("address").asText().equalsIgnoreCase(fixture.contract().toHex())
          && log.path("topics").size() == 1 && log.path("topics").get(0).asText().equalsIgnoreCase(topic)
          && log.path("data").asText().equalsIgnoreCase(Bytes.toHex(EvmWorkloads.word(i)))
          && block >= prepared.fromBlock() && block <= prepared.toBlock();
      if (!right) {
        return Optional.of("log " + i + " is not Tick(" + i + ") of the contract: " + log);
      }
    }
    return Optional.empty();
  }

  // ---------------------------------------------------------------------------------------------------------
  // The report

  private void report() {
    OUT.printf("%nMedians of %d runs of %.0f s each; closed loop on %d connections, open loop at %,d req/s"
        + " (latency from the scheduled send time).%n", repetitions, seconds, connections, rate);
    OUT.printf("%-16s %-8s %10s %8s %8s %8s %8s %7s %12s %12s%n", "method", "node", "req/s", "p50 ms", "p90 ms",
        "p99 ms", "max ms", "errors", "client us/rq", "server us/rq");
    for (Map.Entry<Method, Map<Node, Outcome>> entry : outcomes.entrySet()) {
      for (Node node : nodes) {
        Outcome outcome = entry.getValue().get(node);
        String method = entry.getKey().wireName;
        if (outcome.notMeasured().isPresent()) {
          OUT.printf("%-16s %-8s not measured: %s%n", method, node.name, outcome.notMeasured().get());
          continue;
        }
        OUT.printf("%-16s %-8s %,10.0f %8.2f %8.2f %8.2f %8.2f %7d %12.1f %12.1f%s%n", method,
            node.name, outcome.rate(), outcome.percentile(0.5), outcome.percentile(0.9),
            outcome.percentile(0.99), outcome.maxMillis(), outcome.errors(), outcome.clientCpuMicros(),
            outcome.serverCpuMicros(), outcome.unsent() == 0 ? ""
                : String.format("  behind the %,d req/s schedule: %,d unsent, latencies are lower bounds", rate,
                    outcome.unsent()));
      }
    }
    if (nodes.size() < 2) {
      return;
    }
    Node subject = nodes.get(0);
    Node peer = nodes.get(1);
    OUT.printf("%n%-16s %14s %14s %9s %18s %18s%n", "method", subject.name + " req/s", peer.name + " req/s",
        "ratio", subject.name + " p50/p99", peer.name + " p50/p99");
    for (Map.Entry<Method, Map<Node, Outcome>> entry : outcomes.entrySet()) {
      Outcome ours = entry.getValue().get(subject);
      Outcome theirs = entry.getValue().get(peer);
      OUT.printf("%-16s %14s %14s %9s %18s %18s%n", entry.getKey().wireName, rate(ours), rate(theirs),
          ours.notMeasured().isEmpty() && theirs.notMeasured().isEmpty()
              ? String.format("%.2fx", ours.rate() / theirs.rate()) : "-",
          latency(ours), latency(theirs));
    }
  }

  private static String rate(Outcome outcome) {
    return outcome.notMeasured().isPresent() ? "not measured" : String.format("%,.0f", outcome.rate());
  }

  private static String latency(Outcome outcome) {
    return outcome.notMeasured().isPresent() ? "-"
        : String.format("%.2f / %.2f ms", outcome.percentile(0.5), outcome.percentile(0.99));
  }

  private static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
