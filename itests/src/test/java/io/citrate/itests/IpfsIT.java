package io.citrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.GcResult;
import io.citrate.ipfs.api.ImportOptions;
import io.citrate.ipfs.api.ImportResult;
import io.citrate.ipfs.api.Ipfs;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.PinState;
import io.citrate.ipfs.api.Pins;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * IPFS in the real distribution: imports give Kubo's content ids, pins go through the pin queue (a route of the
 * node's Camel context) to the local blockstore, the gateway and the Pinning Service API answer on the node's HTTP
 * port, garbage collection keeps what is pinned, and the shell commands work; bad input gets an error and changes
 * nothing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class IpfsIT extends CitrateTestSupport {
  private static final String TOKEN = "itest-pinning-token";
  private static final byte[] HELLO = "Hello Worlds!\n".getBytes(StandardCharsets.UTF_8);
  /** Kubo's {@code ipfs add} of HELLO (t0040-add-and-cat.sh). */
  private static final String HELLO_CID = "QmVr26fY1tKyspEJBniVhqxQeEjhF78XerGiqWAwraVLQH";

  private Ipfs ipfs;
  private Pins pins;

  @Override
  protected Option[] extraOptions() {
    return new Option[] {
        editConfigurationFilePut("etc/io.citrate.ipfs.cfg", "pinning.api.tokens", TOKEN),
        editConfigurationFilePut("etc/io.citrate.ipfs.cfg", "retry.initial.delay.ms", "50")};
  }

  @Before
  public void awaitServices() {
    ipfs = await().atMost(Duration.ofSeconds(60)).until(() -> service(Ipfs.class, null), Optional::isPresent)
        .orElseThrow();
    pins = await().atMost(Duration.ofSeconds(60)).until(() -> service(Pins.class, null), Optional::isPresent)
        .orElseThrow();
  }

  @Test
  public void importsWithKubosIdAndPinsThroughTheNodesPinQueue() throws Exception {
    ImportResult result = ipfs.add(new ByteArrayInputStream(HELLO), ImportOptions.KUBO_DEFAULT, true, "hello");
    assertEquals(HELLO_CID, result.root().toString());
    await().atMost(Duration.ofSeconds(30)).until(
        () -> pins.statusOf(result.root()).stream().anyMatch(pin -> pin.state() == PinState.PINNED));
    assertTrue(executeCommand("camel:route-list citrate-node").contains("ipfs-pin-queue"));

    ImportResult v1 = ipfs.add(new ByteArrayInputStream(HELLO), ImportOptions.KUBO_CID_V1, false, "");
    assertEquals("bafkreie6juq72qvxhoqf3xdkuysabhxf3wp2p6l5k2gsdsgtre6unpqkqu", v1.root().toString());
  }

  @Test
  public void gatewayServesFilesRangesAndRawBlocks() throws Exception {
    Cid root = ipfs.add(new ByteArrayInputStream(HELLO), ImportOptions.KUBO_DEFAULT, true, "").root();
    Response whole = get("/ipfs/" + root, Map.of());
    assertEquals(200, whole.status);
    assertArrayEquals(HELLO, whole.body);
    Response range = get("/ipfs/" + root, Map.of("Range", "bytes=6-11"));
    assertEquals(206, range.status);
    assertEquals("Worlds", new String(range.body, StandardCharsets.UTF_8));
    Response raw = get("/ipfs/" + root + "?format=raw", Map.of());
    assertEquals(200, raw.status);
    assertArrayEquals(ipfs.block(root).orElseThrow(), raw.body);
    assertEquals(400, get("/ipfs/not-a-cid", Map.of()).status);
  }

  @Test
  public void pinningServiceApiWantsItsToken() throws Exception {
    assertEquals(401, get("/pins", Map.of()).status);
    assertEquals(401, get("/pins", Map.of("Authorization", "Bearer wrong")).status);
    Response listed = get("/pins", Map.of("Authorization", "Bearer " + TOKEN));
    assertEquals(200, listed.status);
    assertTrue(new String(listed.body, StandardCharsets.UTF_8).contains("\"count\""));
  }

  @Test
  public void garbageCollectionKeepsPinnedContentOnly() {
    Cid pinned = ipfs.add(new ByteArrayInputStream("kept\n".getBytes(StandardCharsets.UTF_8)),
        ImportOptions.KUBO_DEFAULT, true, "kept").root();
    Cid unpinned = ipfs.add(new ByteArrayInputStream("dropped\n".getBytes(StandardCharsets.UTF_8)),
        ImportOptions.KUBO_DEFAULT, false, "").root();
    GcResult result = ipfs.collectGarbage();
    assertTrue(result.blocksRemoved() >= 1);
    assertTrue(ipfs.hasBlock(pinned));
    assertFalse(ipfs.hasBlock(unpinned));
  }

  @Test
  public void shellCommandsAddCatListAndCollect() throws Exception {
    Path file = Files.createTempFile("citrate-ipfs", ".txt");
    Files.write(file, HELLO);
    String added = executeCommand("citrate:ipfs-add " + file);
    assertTrue(added, added.contains("added " + HELLO_CID));
    assertTrue(executeCommand("citrate:ipfs-cat " + HELLO_CID).contains("Hello Worlds!"));
    assertTrue(executeCommand("citrate:pin-ls --cid " + HELLO_CID).contains(HELLO_CID));
    assertTrue(executeCommand("citrate:pin-status " + HELLO_CID).contains("local"));
    assertTrue(executeCommand("citrate:ipfs-gc").contains("removed"));
  }

  @Test
  public void badInputIsRefusedAndChangesNothing() throws Exception {
    long blocksBefore = ipfs.statistics().blocks();
    try {
      executeCommand("citrate:ipfs-cat QmNotAValidContentId");
      fail("a malformed CID must be refused");
    } catch (Exception expected) {
      assertTrue(expected.getMessage(), expected.getMessage().contains("QmNotAValidContentId"));
    }
    try {
      ipfs.importCar(new ByteArrayInputStream(new byte[] {0x0a, 0x01, 0x02}), true);
      fail("a truncated CAR must be refused");
    } catch (IpfsException expected) {
      assertEquals(IpfsException.Kind.INVALID_DATA, expected.kind());
    }
    assertEquals(blocksBefore, ipfs.statistics().blocks());
    assertTrue("the node still answers", postJsonRpc(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}").contains("result"));
  }

  private static Response get(String path, Map<String, String> headers) throws IOException {
    URL url = new URL("http://127.0.0.1:" + System.getProperty("citrate.rpc.port") + path);
    HttpURLConnection connection = (HttpURLConnection) url.openConnection();
    headers.forEach(connection::setRequestProperty);
    try {
      int status = connection.getResponseCode();
      InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream();
      return new Response(status, in == null ? new byte[0] : in.readAllBytes());
    } finally {
      connection.disconnect();
    }
  }

  private record Response(int status, byte[] body) {}
}
