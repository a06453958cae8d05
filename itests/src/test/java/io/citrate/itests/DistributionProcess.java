package io.citrate.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.rules.ExternalResource;

/**
 * The real distribution running as an operator runs it: {@code karaf-assembly/target/assembly} copied to a
 * directory of its own and started as an external process with {@code bin/citrate server}, its HTTP, SSH and RMI
 * ports moved to free ones so it can run beside other tests. Ready once {@code eth_chainId} answers over HTTP.
 *
 * <p>As a JUnit class rule it starts before the first test and stops after the last; its whole process tree is
 * ended even when the start or a test fails, and, through a shutdown hook, when the test JVM exits early. A copy
 * that does not answer in time leaves its thread dump beside its logs and is replaced by a fresh one, once.
 */
public final class DistributionProcess extends ExternalResource {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
  private static final String THREAD_DUMP = "threads.txt";
  private static final String CHAIN_ID_REQUEST =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}";

  private final Path assembly;
  private final Path workRoot;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Path home;
  private int rpcPort;
  private volatile Process process;
  private Thread stopOnExit;

  /**
   * @param assembly the unpacked distribution to copy (karaf-assembly/target/assembly)
   * @param workRoot where each started copy gets a directory of its own, kept afterwards for its logs
   */
  public DistributionProcess(Path assembly, Path workRoot) {
    this.assembly = assembly;
    this.workRoot = workRoot;
  }

  /** The distribution this build assembled, copied under this module's target directory. */
  public static DistributionProcess fromBuild() {
    Path buildDirectory = Path.of(System.getProperty("project.build.directory", "target"));
    return new DistributionProcess(Path.of(System.getProperty("citrate.assembly")),
        buildDirectory.resolve("distributions"));
  }

  /** Where JSON-RPC is served over HTTP. */
  public URI httpUrl() {
    return URI.create("http://127.0.0.1:" + rpcPort + "/");
  }

  /** Where JSON-RPC subscriptions are served over WebSocket: the same port and path as HTTP. */
  public URI webSocketUrl() {
    return URI.create("ws://127.0.0.1:" + rpcPort + "/");
  }

  /** The running copy's directory (its logs are in data/log). */
  public Path home() {
    return home;
  }

  @Override
  protected void before() throws IOException, InterruptedException {
    if (!Files.isRegularFile(assembly.resolve("bin/citrate"))) {
      throw new IllegalStateException("no distribution at " + assembly + " (build karaf-assembly first)");
    }
    stopOnExit = new Thread(this::stop, "stop the Citrate distribution");
    Runtime.getRuntime().addShutdownHook(stopOnExit);
    try {
      if (!start()) {
        // Karaf's boot has been seen to stall now and then while its features refresh (karaf.log stops after
        // pax-logging restarts); a fresh copy then starts. The stalled copy keeps its log and thread dump.
        System.err.println("The distribution in " + home + " did not answer eth_chainId within " + START_TIMEOUT
            + "; its threads are in " + home.resolve(THREAD_DUMP) + ". Starting a fresh copy.");
        if (!start()) {
          throw new IllegalStateException("no answer to eth_chainId on " + httpUrl() + " within " + START_TIMEOUT
              + ", twice; see " + home.resolve("data/log/karaf.log") + " and " + home.resolve(THREAD_DUMP));
        }
      }
    } catch (Throwable notStarted) {
      after();
      throw notStarted;
    }
  }

  /**
   * Starts a fresh copy on free ports and waits for its JSON-RPC. False, with the copy stopped and its threads
   * recorded, when it does not answer within {@link #START_TIMEOUT}.
   */
  private boolean start() throws IOException, InterruptedException {
    Files.createDirectories(workRoot);
    home = Files.createTempDirectory(workRoot, "citrate-");
    copyDistribution();
    rpcPort = freePort();
    setProperty("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", rpcPort);
    setProperty("etc/org.apache.karaf.shell.cfg", "sshPort", freePort());
    setProperty("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", freePort());
    setProperty("etc/org.apache.karaf.management.cfg", "rmiServerPort", freePort());
    // Tighter than the shipped defaults, so the limits tests see the operator's configuration at work.
    setProperty("etc/io.citrate.rpc.cfg", "batch.max.requests", 100);
    setProperty("etc/io.citrate.rpc.cfg", "body.max.bytes", 1024 * 1024);

    ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/citrate").toString(), "server")
        .directory(home.toFile())
        .redirectErrorStream(true)
        .redirectOutput(home.resolve("console.log").toFile());
    // The node runs on the JDK that runs the tests.
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    process = builder.start();
    if (awaitRpc()) {
      return true;
    }
    dumpThreads(home.resolve(THREAD_DUMP));
    stop();
    return false;
  }

  @Override
  protected void after() {
    if (stopOnExit != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
      } catch (IllegalStateException exiting) {
        // The JVM is already shutting down and runs the hook itself.
      }
      stopOnExit = null;
    }
    stop();
  }

  /**
   * Asks the node to shut down (SIGTERM runs Karaf's shutdown hook), then kills whatever is left after
   * {@link #STOP_TIMEOUT}: bin/karaf is a shell script whose java child would survive the script alone.
   */
  private synchronized void stop() {
    if (process == null) {
      return;
    }
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    Instant deadline = Instant.now().plus(STOP_TIMEOUT);
    for (ProcessHandle member : tree) {
      long leftMillis = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
      try {
        member.onExit().get(leftMillis, TimeUnit.MILLISECONDS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        member.destroyForcibly();
      } catch (ExecutionException | TimeoutException stillRunning) {
        member.destroyForcibly();
      }
    }
    process = null;
  }

  /** True once eth_chainId answers, false when it has not within {@link #START_TIMEOUT}. */
  private boolean awaitRpc() throws IOException, InterruptedException {
    HttpRequest chainId = HttpRequest.newBuilder(httpUrl())
        .timeout(Duration.ofSeconds(5))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(CHAIN_ID_REQUEST))
        .build();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the distribution exited with " + process.exitValue() + " before serving"
            + " JSON-RPC; see " + home.resolve("console.log") + " and " + home.resolve("data/log/karaf.log"));
      }
      try {
        HttpResponse<String> answer = http.send(chainId, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200 && answer.body().contains("\"result\"")) {
          return true;
        }
      } catch (IOException notListeningYet) {
        // Jetty or the JSON-RPC servlet is not up yet.
      }
      Thread.sleep(250);
    }
    return false;
  }

  /** Writes the thread stacks of the node's JVM to {@code file}, to tell a stuck start from a slow one. */
  private void dumpThreads(Path file) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    for (ProcessHandle member : process.descendants().toList()) {
      if (member.info().command().filter(command -> command.endsWith("java")).isPresent()) {
        new ProcessBuilder(jcmd.toString(), String.valueOf(member.pid()), "Thread.print")
            .redirectErrorStream(true).redirectOutput(file.toFile()).start().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  /** Copies the distribution but not its data directory, so every copy starts a fresh devnet. */
  private void copyDistribution() throws IOException {
    Path data = assembly.resolve("data");
    try (Stream<Path> files = Files.walk(assembly)) {
      files.filter(file -> !file.startsWith(data)).forEach(file -> {
        Path target = home.resolve(assembly.relativize(file).toString());
        try {
          if (Files.isDirectory(file)) {
            Files.createDirectories(target);
          } else {
            Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    Files.createDirectories(home.resolve("data/tmp"));
  }

  /** Sets {@code key} in a configuration file, replacing its line where it has one. */
  private void setProperty(String file, String key, int value) throws IOException {
    Path path = home.resolve(file);
    Pattern line = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*[=:].*$");
    List<String> lines = new ArrayList<>(Files.readAllLines(path, StandardCharsets.UTF_8));
    String setting = key + " = " + value;
    boolean replaced = false;
    for (int i = 0; i < lines.size(); i++) {
      if (line.matcher(lines.get(i)).matches()) {
        lines.set(i, setting);
        replaced = true;
      }
    }
    if (!replaced) {
      lines.add(setting);
    }
    Files.write(path, lines, StandardCharsets.UTF_8);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
