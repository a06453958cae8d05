package io.citrate.itests;

import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Boots the real Citrate distribution (karaf-assembly's archive) once per test class, on free
 * ports, and offers shell access to the tests running inside it.
 */
public abstract class CitrateTestSupport {

  @Inject
  protected BundleContext bundleContext;

  @Inject
  protected SessionFactory sessionFactory;

  @Configuration
  public Option[] config() throws IOException {
    File distribution = new File(System.getProperty("citrate.distribution"));
    if (!distribution.isFile()) {
      throw new IllegalStateException("distribution archive not found: " + distribution
          + " (build karaf-assembly first)");
    }
    File buildDir = new File(System.getProperty("project.build.directory", "target"));
    String rpcPort = String.valueOf(freePort());
    List<Option> options = new ArrayList<>(Arrays.asList(
        karafDistributionConfiguration()
            .frameworkUrl(distribution.toURI().toString())
            .karafVersion(System.getProperty("karaf.version"))
            .name("Citrate")
            .unpackDirectory(new File(buildDir, "exam"))
            .useDeployFolder(false),
        configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
        logLevel(LogLevel.WARN),
        editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort())),
        // Tests produce the blocks they need; a production loop would move the DAG under them.
        editConfigurationFilePut("etc/io.citrate.node.cfg", "production.mode", "off"),
        // JSON-RPC on a free port, told to the tests inside the container.
        editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", rpcPort),
        systemProperty("citrate.rpc.port").value(rpcPort),
        editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort",
            String.valueOf(freePort())),
        editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort",
            String.valueOf(freePort())),
        editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
            System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository")),
        mavenBundle(maven("org.hamcrest", "hamcrest").versionAsInProject()),
        mavenBundle(maven("org.awaitility", "awaitility").versionAsInProject()),
        systemProperty("citrate.itest").value("true")));
    options.addAll(Arrays.asList(extraOptions()));
    return options.toArray(new Option[0]);
  }

  /** The first service of the type that matches the filter (null for any), if one is registered. */
  protected <S> Optional<S> service(Class<S> type, String filter) throws Exception {
    Collection<ServiceReference<S>> references = bundleContext.getServiceReferences(type, filter);
    return references.stream().findFirst().map(bundleContext::getService);
  }

  /** Options a test class adds to the container, such as configuration edits. */
  protected Option[] extraOptions() {
    return new Option[0];
  }

  /** Runs a shell command as an administrator and returns what it printed. */
  protected String executeCommand(String command) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Subject admin = new Subject();
    admin.getPrincipals().add(new UserPrincipal("itest"));
    admin.getPrincipals().add(new RolePrincipal("admin"));
    admin.getPrincipals().add(new RolePrincipal("manager"));
    admin.getPrincipals().add(new RolePrincipal("viewer"));
    Session session = sessionFactory.create(System.in, out, out);
    try {
      Subject.doAs(admin, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
    } finally {
      session.close();
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** POSTs {@code body} to the container's JSON-RPC endpoint and answers the response body, error or not. */
  protected static String postJsonRpc(String body) throws IOException {
    URL url = new URL("http://127.0.0.1:" + System.getProperty("citrate.rpc.port") + "/");
    HttpURLConnection connection = (HttpURLConnection) url.openConnection();
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setRequestProperty("Content-Type", "application/json");
    try (OutputStream out = connection.getOutputStream()) {
      out.write(body.getBytes(StandardCharsets.UTF_8));
    }
    try (InputStream in = connection.getResponseCode() < 400 ? connection.getInputStream()
        : connection.getErrorStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } finally {
      connection.disconnect();
    }
  }
}
