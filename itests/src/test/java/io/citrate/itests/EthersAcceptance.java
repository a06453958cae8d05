package io.citrate.itests;

import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/**
 * Runs the ethers v6 session in {@code itests/ethers} ({@code node --test}) against the suite's node, installing
 * its locked dependencies with {@code npm ci} first when they are missing. Node.js and npm must be on the PATH;
 * {@code test.sh} installs them.
 */
public class EthersAcceptance {
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration SESSION_TIMEOUT = Duration.ofMinutes(5);

  private final Path project = Path.of(System.getProperty("citrate.ethers"));
  private final Path logs = Path.of(System.getProperty("project.build.directory", "target"), "ethers");

  @Test
  public void ethersSessionPasses() throws IOException, InterruptedException {
    Files.createDirectories(logs);
    if (!Files.isDirectory(project.resolve("node_modules"))) {
      run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), INSTALL_TIMEOUT, "npm-ci.log");
    }
    DistributionProcess node = DappAcceptanceIT.DISTRIBUTION;
    run(List.of("node", "--test", "--test-reporter=spec", "test/dapp.test.mjs"),
        Map.of("CITRATE_RPC_URL", node.httpUrl().toString(), "CITRATE_WS_URL", node.webSocketUrl().toString()),
        SESSION_TIMEOUT, "node-test.log");
  }

  /** Runs {@code command} in the ethers project; fails with its output unless it exits with 0 in time. */
  private void run(List<String> command, Map<String, String> environment, Duration timeout, String logName)
      throws IOException, InterruptedException {
    Path log = logs.resolve(logName);
    ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException notInstalled) {
      throw new AssertionError("cannot run " + command.get(0) + " (test.sh installs Node.js and npm): "
          + notInstalled.getMessage(), notInstalled);
    }
    boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!exited) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
    }
    String output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
    if (!exited) {
      fail(String.join(" ", command) + " did not finish within " + timeout + ":\n" + output);
    }
    if (process.exitValue() != 0) {
      fail(String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + output);
    }
  }
}
