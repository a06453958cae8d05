package io.citrate.ipfs.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.ImportOptions;
import io.citrate.ipfs.api.IpfsPath;
import io.citrate.ipfs.api.UnixFsEntry;
import io.citrate.ipfs.internal.block.KeyValueBlockstore;
import io.citrate.ipfs.internal.block.KeyValueBlockstore.BlockWriter;
import io.citrate.ipfs.internal.car.CarReader;
import io.citrate.ipfs.internal.dag.DagLinks;
import io.citrate.ipfs.internal.unixfs.DirectoryImporter;
import io.citrate.ipfs.internal.unixfs.FileImporter;
import io.citrate.ipfs.internal.unixfs.UnixFsReader;
import io.citrate.store.api.MemoryKeyValueStore;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway over content the importers made, in the blockstore the node uses (on the in-memory store). */
class GatewayImportedContentTest {
  /** Small chunks and few links, so a file of a few hundred KiB is a DAG several levels deep. */
  private static final ImportOptions DEEP = new ImportOptions(1, true, 1024, 8, ImportOptions.DEFAULT_SHARD_THRESHOLD);
  /** A threshold low enough that a directory of a couple of hundred entries becomes a HAMT shard. */
  private static final ImportOptions SHARDED = new ImportOptions(1, true, ImportOptions.DEFAULT_CHUNK_SIZE,
      ImportOptions.DEFAULT_MAX_LINKS, 1000);
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static MemoryKeyValueStore store;
  private static KeyValueBlockstore blocks;
  private static JettyServer server;
  private static byte[] bigContent;
  private static Cid bigFile;
  private static Cid site;
  private static Cid sharded;

  @BeforeAll
  static void importContent() throws Exception {
    store = new MemoryKeyValueStore();
    blocks = new KeyValueBlockstore(store);
    bigContent = new byte[300_000];
    new Random(42).nextBytes(bigContent);
    try (BlockWriter writer = blocks.writer()) {
      bigFile = new FileImporter(DEEP, writer).importFile(new ByteArrayInputStream(bigContent)).root();
    }
    try (BlockWriter writer = blocks.writer()) {
      DirectoryImporter directory = new DirectoryImporter(ImportOptions.KUBO_DEFAULT, writer);
      directory.addFile("site/index.html", text("<h1>home</h1>"));
      directory.addFile("site/css/main.css", text("h1 { color: red }"));
      directory.addDirectory("site/empty");
      site = directory.finish().root();
    }
    try (BlockWriter writer = blocks.writer()) {
      DirectoryImporter directory = new DirectoryImporter(SHARDED, writer);
      for (int index = 0; index < 300; index++) {
        directory.addFile("entry-" + index + ".txt", text("entry " + index));
      }
      sharded = directory.finish().root();
    }
    server = new JettyServer(new GatewayServlet(blocks), "/ipfs/*");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    store.close();
  }

  private static ByteArrayInputStream text(String content) {
    return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
  }

  private static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(10));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return CLIENT.send(request.build(), BodyHandlers.ofByteArray());
  }

  @Test
  void aFileOfManyBlocksIsServedWholeAndByRanges() throws Exception {
    HttpResponse<byte[]> whole = get("/ipfs/" + bigFile);

    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.body()).isEqualTo(bigContent);
    Random random = new Random(7);
    for (int trial = 0; trial < 20; trial++) {
      int first = random.nextInt(bigContent.length);
      int last = Math.min(bigContent.length - 1, first + random.nextInt(5000));
      HttpResponse<byte[]> part = get("/ipfs/" + bigFile, "Range", "bytes=" + first + "-" + last);
      assertThat(part.statusCode()).isEqualTo(206);
      assertThat(part.body()).isEqualTo(Arrays.copyOfRange(bigContent, first, last + 1));
    }
  }

  @Test
  void aCarOfTheFileCarriesEveryBlockAndReadsBackToTheSameFile() throws Exception {
    HttpResponse<byte[]> car = get("/ipfs/" + bigFile + "?format=car");
    MemoryBlocks copy = new MemoryBlocks();

    List<Cid> roots = CarReader.read(new ByteArrayInputStream(car.body()), copy);

    assertThat(roots).containsExactly(bigFile);
    assertThat(new UnixFsReader(copy).open(bigFile, 0, Long.MAX_VALUE).readAllBytes()).isEqualTo(bigContent);
    assertThat(copy.size()).isEqualTo(dagBlocks(bigFile).size()).isGreaterThan(300);
  }

  /** Every distinct block of {@code root}'s DAG in the store. */
  private static Set<Cid> dagBlocks(Cid root) {
    Set<Cid> seen = new HashSet<>();
    Deque<Cid> pending = new ArrayDeque<>(List.of(root));
    while (!pending.isEmpty()) {
      Cid next = pending.pop();
      if (seen.add(next)) {
        pending.addAll(DagLinks.of(next, blocks.get(next)));
      }
    }
    return seen;
  }

  @Test
  void aDirectoryWithIndexHtmlIsServedAsItsPage() throws Exception {
    HttpResponse<byte[]> redirect = get("/ipfs/" + site + "/site");
    HttpResponse<byte[]> page = get("/ipfs/" + site + "/site/");
    HttpResponse<byte[]> css = get("/ipfs/" + site + "/site/css/main.css");
    HttpResponse<byte[]> listing = get("/ipfs/" + site + "/site/css");

    assertThat(redirect.statusCode()).isEqualTo(301);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo("<h1>home</h1>");
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
        .startsWith("text/html"));
    assertThat(site.version()).isZero();
    assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
        .startsWith("text/css"));
    assertThat(listing.statusCode()).isEqualTo(200);
    assertThat(new String(listing.body(), StandardCharsets.UTF_8)).contains(">main.css</a>");
  }

  @Test
  void aHamtDirectoryIsListedAndResolved() throws Exception {
    UnixFsReader reader = new UnixFsReader(blocks);
    Cid entry = reader.resolve(IpfsPath.parse("/ipfs/" + sharded + "/entry-123.txt"));

    HttpResponse<byte[]> listing = get("/ipfs/" + sharded + "/");
    HttpResponse<byte[]> file = get("/ipfs/" + sharded + "/entry-123.txt");
    HttpResponse<byte[]> car = get("/ipfs/" + sharded + "/entry-123.txt?format=car");
    MemoryBlocks path = new MemoryBlocks();
    CarReader.read(new ByteArrayInputStream(car.body()), path);

    assertThat(reader.stat(sharded).type()).isEqualTo(UnixFsEntry.Type.HAMT_DIRECTORY);
    String html = new String(listing.body(), StandardCharsets.UTF_8);
    for (int index = 0; index < 300; index++) {
      assertThat(html).contains(">entry-" + index + ".txt</a>");
    }
    assertThat(new String(file.body(), StandardCharsets.UTF_8)).isEqualTo("entry 123");
    assertThat(file.headers().firstValue("X-Ipfs-Roots")).contains(sharded + "," + entry);
    // The root shard, the inner shards on the way, and the file.
    assertThat(path.size()).isGreaterThanOrEqualTo(2);
    assertThat(reader.resolveBlocks(IpfsPath.parse("/ipfs/" + sharded + "/entry-123.txt"))).allSatisfy(
        visited -> assertThat(path.get(visited)).isNotNull());
  }
}
