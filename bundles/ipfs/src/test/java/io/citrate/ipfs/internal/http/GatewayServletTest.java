package io.citrate.ipfs.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.Multihash;
import io.citrate.ipfs.internal.dag.PbNode;
import io.citrate.ipfs.internal.dag.UnixFsData;
import io.citrate.ipfs.internal.dag.Varint;
import io.citrate.ipfs.internal.dag.Varint.Cursor;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GatewayServletTest {
  private static final MemoryBlocks BLOCKS = new MemoryBlocks();
  private static final Dags DAGS = new Dags(BLOCKS);
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static JettyServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new JettyServer(new GatewayServlet(BLOCKS), "/ipfs/*");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(10))
        .method(method, BodyPublishers.noBody());
    if (headers.length > 0) {
      request.headers(headers);
    }
    return CLIENT.send(request.build(), BodyHandlers.ofByteArray());
  }

  private static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    return send("GET", path, headers);
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /** The header's value; a Content-Type without the blanks containers differ on. */
  private static String header(HttpResponse<byte[]> response, String name) {
    String value = response.headers().firstValue(name).orElse(null);
    return value != null && name.equals("Content-Type") ? value.replace("; ", ";") : value;
  }

  private static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  @Test
  void servesAFileWithImmutableCachingHeaders() throws Exception {
    byte[] content = "hello, gateway\n".getBytes(StandardCharsets.UTF_8);
    Cid file = DAGS.rawFile(content);

    HttpResponse<byte[]> response = get("/ipfs/" + file);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(content);
    assertThat(header(response, "Content-Length")).isEqualTo(Integer.toString(content.length));
    assertThat(header(response, "Content-Type")).isEqualTo("text/plain;charset=utf-8");
    assertThat(header(response, "Accept-Ranges")).isEqualTo("bytes");
    assertThat(header(response, "Cache-Control")).isEqualTo("public, max-age=29030400, immutable");
    assertThat(header(response, "ETag")).isEqualTo("\"" + file + "\"");
    assertThat(header(response, "X-Ipfs-Path")).isEqualTo("/ipfs/" + file);
    assertThat(header(response, "X-Ipfs-Roots")).isEqualTo(file.toString());
    assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(header(response, "Content-Security-Policy")).startsWith("sandbox");
  }

  @Test
  void binaryContentWithoutAKnownExtensionIsOpaque() throws Exception {
    Cid file = DAGS.chunkedFile(random(3000, 1), 1024);

    HttpResponse<byte[]> response = get("/ipfs/" + file);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "Content-Type")).isEqualTo("application/octet-stream");
  }

  @Test
  void aFileInADirectoryIsTypedByItsExtension() throws Exception {
    byte[] image = random(2000, 2);
    Cid png = DAGS.chunkedFile(image, 700);
    Cid style = DAGS.rawFile("body {}".getBytes(StandardCharsets.UTF_8));
    Cid directory = DAGS.directory(Map.of("logo.PNG", png, "site.css", style));

    HttpResponse<byte[]> logo = get("/ipfs/" + directory + "/logo.PNG");
    HttpResponse<byte[]> css = get("/ipfs/" + directory + "/site.css");

    assertThat(logo.statusCode()).isEqualTo(200);
    assertThat(logo.body()).isEqualTo(image);
    assertThat(header(logo, "Content-Type")).isEqualTo("image/png");
    assertThat(header(logo, "X-Ipfs-Roots")).isEqualTo(directory + "," + png);
    assertThat(header(logo, "X-Ipfs-Path")).isEqualTo("/ipfs/" + directory + "/logo.PNG");
    assertThat(header(logo, "ETag")).isEqualTo("\"" + png + "\"");
    assertThat(header(css, "Content-Type")).isEqualTo("text/css;charset=utf-8");
  }

  @Test
  void headAnswersTheHeadersOfGetWithoutABody() throws Exception {
    byte[] content = random(5000, 3);
    Cid file = DAGS.chunkedFile(content, 1000);

    HttpResponse<byte[]> head = send("HEAD", "/ipfs/" + file);
    HttpResponse<byte[]> ranged = send("HEAD", "/ipfs/" + file, "Range", "bytes=10-19");

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(header(head, "Content-Length")).isEqualTo("5000");
    assertThat(header(head, "ETag")).isEqualTo("\"" + file + "\"");
    assertThat(ranged.statusCode()).isEqualTo(206);
    assertThat(header(ranged, "Content-Range")).isEqualTo("bytes 10-19/5000");
  }

  @Test
  void singleByteRangesAreAnsweredWithPartialContent() throws Exception {
    byte[] content = random(10_000, 4);
    Cid file = DAGS.chunkedFile(content, 1024);
    String path = "/ipfs/" + file;

    HttpResponse<byte[]> middle = get(path, "Range", "bytes=1000-2099");
    HttpResponse<byte[]> tail = get(path, "Range", "bytes=9990-");
    HttpResponse<byte[]> suffix = get(path, "Range", "bytes=-5");
    HttpResponse<byte[]> clamped = get(path, "Range", "bytes=9000-99999999999999999999999999");
    HttpResponse<byte[]> longSuffix = get(path, "Range", "bytes=-99999999999999999999999999");

    assertThat(middle.statusCode()).isEqualTo(206);
    assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(content, 1000, 2100));
    assertThat(header(middle, "Content-Range")).isEqualTo("bytes 1000-2099/10000");
    assertThat(header(middle, "Content-Length")).isEqualTo("1100");
    assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(content, 9990, 10_000));
    assertThat(header(tail, "Content-Range")).isEqualTo("bytes 9990-9999/10000");
    assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(content, 9995, 10_000));
    assertThat(clamped.statusCode()).isEqualTo(206);
    assertThat(clamped.body()).isEqualTo(Arrays.copyOfRange(content, 9000, 10_000));
    assertThat(longSuffix.statusCode()).isEqualTo(206);
    assertThat(longSuffix.body()).isEqualTo(content);
  }

  @Test
  void rangesPastTheEndAreUnsatisfiable() throws Exception {
    Cid file = DAGS.chunkedFile(random(4000, 5), 1024);
    String path = "/ipfs/" + file;

    for (String range : List.of("bytes=4000-", "bytes=4000-5000", "bytes=99999999999999999999999-",
        "bytes=-0")) {
      HttpResponse<byte[]> response = get(path, "Range", range);
      assertThat(response.statusCode()).as(range).isEqualTo(416);
      assertThat(header(response, "Content-Range")).as(range).isEqualTo("bytes */4000");
    }
  }

  @Test
  void malformedOrMultipleRangesGetTheWholeFile() throws Exception {
    byte[] content = random(3000, 6);
    Cid file = DAGS.chunkedFile(content, 1024);
    String path = "/ipfs/" + file;

    for (String range : List.of("bytes=0-9,20-29", "bytes=abc", "bytes=5-2", "items=0-9", "bytes=-", "bytes=1-x",
        "bytes=" + "9".repeat(5000) + "-")) {
      HttpResponse<byte[]> response = get(path, "Range", range);
      if (range.length() > 1000) {
        assertThat(response.statusCode()).as("huge range").isIn(200, 416, 431);
        continue;
      }
      assertThat(response.statusCode()).as(range).isEqualTo(200);
      assertThat(response.body()).as(range).isEqualTo(content);
    }
  }

  @Test
  void ifRangeWithAnotherTagGetsTheWholeFile() throws Exception {
    byte[] content = random(2000, 7);
    Cid file = DAGS.chunkedFile(content, 1024);

    HttpResponse<byte[]> stale = get("/ipfs/" + file, "Range", "bytes=0-9", "If-Range", "\"other\"");
    HttpResponse<byte[]> current = get("/ipfs/" + file, "Range", "bytes=0-9", "If-Range", "\"" + file + "\"");

    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.body()).isEqualTo(content);
    assertThat(current.statusCode()).isEqualTo(206);
  }

  @Test
  void ifNoneMatchAnswersNotModified() throws Exception {
    Cid file = DAGS.rawFile("cached".getBytes(StandardCharsets.UTF_8));
    String tag = "\"" + file + "\"";

    HttpResponse<byte[]> same = get("/ipfs/" + file, "If-None-Match", "\"x\", " + tag);
    HttpResponse<byte[]> weak = get("/ipfs/" + file, "If-None-Match", "W/" + tag);
    HttpResponse<byte[]> other = get("/ipfs/" + file, "If-None-Match", "\"x\"");
    HttpResponse<byte[]> raw = get("/ipfs/" + file + "?format=raw", "If-None-Match", "\"" + file + ".raw\"");
    HttpResponse<byte[]> car = get("/ipfs/" + file + "?format=car", "If-None-Match", "\"" + file + ".car\"");

    assertThat(same.statusCode()).isEqualTo(304);
    assertThat(same.body()).isEmpty();
    assertThat(header(same, "ETag")).isEqualTo(tag);
    assertThat(header(same, "Cache-Control")).isEqualTo(GatewayServlet.IMMUTABLE);
    assertThat(weak.statusCode()).isEqualTo(304);
    assertThat(other.statusCode()).isEqualTo(200);
    assertThat(raw.statusCode()).isEqualTo(304);
    assertThat(car.statusCode()).isEqualTo(304);
  }

  @Test
  void aDirectoryWithIndexHtmlRedirectsToItsSlashThenServesIt() throws Exception {
    byte[] page = "<html><body>home</body></html>".getBytes(StandardCharsets.UTF_8);
    Cid index = DAGS.rawFile(page);
    Cid site = DAGS.directory(Map.of("index.html", index, "a.txt", DAGS.rawFile(new byte[] {'a'})));
    Cid root = DAGS.directory(Map.of("site", site));

    HttpResponse<byte[]> bare = get("/ipfs/" + root + "/site?x=1");
    HttpResponse<byte[]> slash = get("/ipfs/" + root + "/site/");

    assertThat(bare.statusCode()).isEqualTo(301);
    assertThat(header(bare, "Location")).endsWith("/ipfs/" + root + "/site/?x=1");
    assertThat(slash.statusCode()).isEqualTo(200);
    assertThat(slash.body()).isEqualTo(page);
    assertThat(header(slash, "Content-Type")).isEqualTo("text/html;charset=utf-8");
    assertThat(header(slash, "ETag")).isEqualTo("\"" + index + "\"");
    assertThat(header(slash, "X-Ipfs-Roots")).isEqualTo(root + "," + site);
  }

  @Test
  void aDirectoryWithoutIndexIsListedWithEscapedNamesAndLinks() throws Exception {
    Cid evil = DAGS.rawFile("x".getBytes(StandardCharsets.UTF_8));
    Cid spaced = DAGS.rawFile("yy".getBytes(StandardCharsets.UTF_8));
    Cid sub = DAGS.directory(Map.of());
    Map<String, Cid> entries = new LinkedHashMap<>();
    entries.put("<img src=x onerror=alert(1)>&\"'.txt", evil);
    entries.put("with space é.txt", spaced);
    entries.put("sub", sub);
    Cid directory = DAGS.directory(entries);
    Cid root = DAGS.directory(Map.of("dir", directory));

    HttpResponse<byte[]> response = get("/ipfs/" + root + "/dir");
    String html = text(response);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "Content-Type")).isEqualTo("text/html;charset=utf-8");
    assertThat(html).doesNotContain("<img");
    assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;&amp;&quot;&#39;.txt");
    assertThat(html).contains("href=\"/ipfs/" + root + "/dir/with%20space%20%C3%A9.txt\"");
    assertThat(html).contains("href=\"/ipfs/" + root + "/dir/sub/\"");
    assertThat(html).contains("href=\"/ipfs/" + root + "/\">..</a>");
    assertThat(html).contains("href=\"/ipfs/" + spaced + "\"");
    assertThat(header(response, "ETag")).isEqualTo("\"DirIndex-" + directory + "\"");
    HttpResponse<byte[]> followed = get("/ipfs/" + root + "/dir/with%20space%20%C3%A9.txt");
    assertThat(text(followed)).isEqualTo("yy");
  }

  @Test
  void formatRawAnswersTheTargetBlock() throws Exception {
    Cid leafFile = DAGS.rawFile("leaf".getBytes(StandardCharsets.UTF_8));
    Cid directory = DAGS.directory(Map.of("leaf", leafFile));

    HttpResponse<byte[]> byQuery = get("/ipfs/" + directory + "?format=raw");
    HttpResponse<byte[]> byAccept = get("/ipfs/" + directory + "/leaf",
        "Accept", "text/html, application/vnd.ipld.raw;q=0.9");

    assertThat(byQuery.statusCode()).isEqualTo(200);
    assertThat(byQuery.body()).isEqualTo(BLOCKS.get(directory));
    assertThat(header(byQuery, "Content-Type")).isEqualTo("application/vnd.ipld.raw");
    assertThat(header(byQuery, "Content-Disposition")).isEqualTo("attachment; filename=\"" + directory + ".bin\"");
    assertThat(header(byQuery, "ETag")).isEqualTo("\"" + directory + ".raw\"");
    assertThat(header(byQuery, "Cache-Control")).isEqualTo(GatewayServlet.IMMUTABLE);
    assertThat(byAccept.body()).isEqualTo("leaf".getBytes(StandardCharsets.UTF_8));
    assertThat(header(byAccept, "X-Ipfs-Roots")).isEqualTo(directory + "," + leafFile);
  }

  @Test
  void theEmptyIdentityBlockAnswersTheTrustlessProbe() throws Exception {
    Cid empty = Cid.v1(Cid.RAW, Multihash.identity(new byte[0]));

    HttpResponse<byte[]> response = get("/ipfs/" + empty + "?format=raw");

    assertThat(empty.toString()).isEqualTo("bafkqaaa");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void theEmptyIdentityBlockAsACarIsAHeaderAlone() throws Exception {
    HttpResponse<byte[]> response = get("/ipfs/bafkqaaa?format=car");

    assertThat(response.statusCode()).isEqualTo(200);
    Car car = Car.parse(response.body());
    assertThat(car.headerNames(Cid.parse("bafkqaaa"))).isTrue();
    assertThat(car.blocks()).isEmpty();
  }

  @Test
  void headOfRawAndCarSendsNoBody() throws Exception {
    Cid file = DAGS.chunkedFile(random(3000, 13), 1000);

    HttpResponse<byte[]> raw = send("HEAD", "/ipfs/" + file + "?format=raw");
    HttpResponse<byte[]> car = send("HEAD", "/ipfs/" + file + "?format=car");

    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.body()).isEmpty();
    assertThat(header(raw, "Content-Length")).isEqualTo(Integer.toString(BLOCKS.get(file).length));
    assertThat(car.statusCode()).isEqualTo(200);
    assertThat(car.body()).isEmpty();
    assertThat(header(car, "Content-Type")).startsWith("application/vnd.ipld.car");
  }

  @Test
  void anEmptyFileHasNoSatisfiableRange() throws Exception {
    Cid empty = DAGS.rawFile(new byte[0]);

    HttpResponse<byte[]> whole = get("/ipfs/" + empty);
    HttpResponse<byte[]> ranged = get("/ipfs/" + empty, "Range", "bytes=0-");

    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.body()).isEmpty();
    assertThat(header(whole, "Content-Length")).isEqualTo("0");
    assertThat(ranged.statusCode()).isEqualTo(416);
    assertThat(header(ranged, "Content-Range")).isEqualTo("bytes */0");
  }

  @Test
  void anEmptyDirectoryIsAnEmptyListing() throws Exception {
    Cid empty = DAGS.directory(Map.of());

    HttpResponse<byte[]> response = get("/ipfs/" + empty + "/");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(text(response)).contains("Index of /ipfs/" + empty).doesNotContain("<a href");
  }

  @Test
  void aCarVersionOtherThanOneIsNotWhatIsServed() throws Exception {
    Cid file = DAGS.rawFile("v".getBytes(StandardCharsets.UTF_8));

    HttpResponse<byte[]> response = get("/ipfs/" + file, "Accept", "application/vnd.ipld.car; version=2");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "Content-Type")).startsWith("text/plain");
  }

  @Test
  void formatCarAnswersThePathBlocksThenTheWholeDag() throws Exception {
    byte[] content = random(5000, 8);
    Cid file = DAGS.chunkedFile(content, 2000);
    Cid inner = DAGS.directory(Map.of("file.bin", file));
    Cid root = DAGS.directory(Map.of("inner", inner, "other", DAGS.rawFile(new byte[] {1})));

    HttpResponse<byte[]> whole = get("/ipfs/" + root + "?format=car");
    HttpResponse<byte[]> pathed = get("/ipfs/" + root + "/inner/file.bin", "Accept", "application/vnd.ipld.car");

    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(header(whole, "Content-Type")).isEqualTo(GatewayServlet.CAR_RESPONSE_TYPE.replace("; ", ";"));
    assertThat(header(whole, "Content-Disposition")).isEqualTo("attachment; filename=\"" + root + ".car\"");
    assertThat(header(whole, "ETag")).isEqualTo("\"" + root + ".car\"");
    Car wholeCar = Car.parse(whole.body());
    assertThat(wholeCar.headerNames(root)).isTrue();
    assertThat(wholeCar.blocks.keySet()).hasSize(7).startsWith(root);
    wholeCar.blocks.forEach((cid, block) -> assertThat(cid.matches(block)).isTrue());

    assertThat(pathed.statusCode()).isEqualTo(200);
    Car pathedCar = Car.parse(pathed.body());
    List<Cid> expected = new ArrayList<>(List.of(root, inner, file));
    expected.addAll(DAGS.leaves(file));
    assertThat(pathedCar.blocks.keySet()).containsExactlyElementsOf(expected);
    assertThat(pathedCar.headerNames(file)).isTrue();
    assertThat(header(pathed, "ETag")).isNotEqualTo("\"" + file + ".car\"").startsWith("\"" + file + ".car");
  }

  @Test
  void unsupportedFormatsAndScopesAreRefused() throws Exception {
    Cid file = DAGS.rawFile(new byte[] {1, 2, 3});

    for (String query : List.of("?format=tar", "?format=dag-json", "?format=", "?format=car&dag-scope=block",
        "?format=car&entity-bytes=0:10")) {
      HttpResponse<byte[]> response = get("/ipfs/" + file + query);
      assertThat(response.statusCode()).as(query).isEqualTo(400);
      assertThat(header(response, "Content-Type")).as(query).startsWith("text/plain");
    }
  }

  @Test
  void otherCodecsAreNotShownAsFiles() throws Exception {
    Cid cbor = BLOCKS.add(Cid.DAG_CBOR, new byte[] {(byte) 0xa0});

    assertThat(get("/ipfs/" + cbor).statusCode()).isEqualTo(406);
    assertThat(get("/ipfs/" + cbor + "?format=raw").body()).containsExactly((byte) 0xa0);
  }

  @Test
  void aSymbolicLinkIsNotFollowed() throws Exception {
    byte[] data = new UnixFsData(UnixFsData.Type.SYMLINK, "../etc/passwd".getBytes(StandardCharsets.UTF_8), null,
        null, null, null, null, null, null).encode();
    Cid link = BLOCKS.add(Cid.DAG_PB, new PbNode(List.of(), data).encode());
    Cid directory = DAGS.directory(Map.of("link", link));

    HttpResponse<byte[]> response = get("/ipfs/" + directory + "/link");

    assertThat(response.statusCode()).isEqualTo(501);
    assertThat(get("/ipfs/" + directory + "/link?format=raw").statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/ipfs/", "/ipfs/not-a-cid", "/ipfs/QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbd0",
      "/ipfs/bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdj", "/ipfs/zzzz/a",
      "/ipfs/bafkqaaa/%2e%2e/x", "/ipfs/bafkqaaa/a/%2E%2E", "/ipfs/bafkqaaa/a/./b",
      "/ipfs/bafkqaaa/a%00b"})
  void malformedContentIdsAndPathsAreBadRequests(String path) throws Exception {
    HttpResponse<byte[]> response = get(path);

    assertThat(response.statusCode()).as(path).isEqualTo(400);
  }

  @Test
  void aPathClimbingOutOfTheGatewayNeverReachesContent() throws Exception {
    Cid file = DAGS.rawFile("secret".getBytes(StandardCharsets.UTF_8));

    HttpResponse<byte[]> response = get("/ipfs/" + file + "/a/../../../ipfs/" + file);

    assertThat(response.statusCode()).isIn(400, 404);
    assertThat(text(response)).doesNotContain("secret");
  }

  @ParameterizedTest
  @ValueSource(strings = {"?format=%zz", "?format=%", "/%zz", "/a%2"})
  void malformedEscapesAreBadRequests(String suffix) throws Exception {
    Cid directory = DAGS.directory(Map.of("a", DAGS.rawFile(new byte[] {'a'})));

    assertThat(server.rawStatus("GET", "/ipfs/" + directory + suffix)).isEqualTo(400);
  }

  @Test
  void aMalformedIdSaysWhyInPlainText() throws Exception {
    HttpResponse<byte[]> response = get("/ipfs/not-a-cid");

    assertThat(header(response, "Content-Type")).isEqualTo("text/plain;charset=utf-8");
    assertThat(text(response)).contains("not-a-cid");
  }

  @Test
  void contentNotHeldAndAbsentSegmentsAreNotFound() throws Exception {
    Cid absent = Cid.of(1, Cid.RAW, "never stored".getBytes(StandardCharsets.UTF_8));
    Cid file = DAGS.rawFile("f".getBytes(StandardCharsets.UTF_8));
    Cid directory = DAGS.directory(Map.of("f.txt", file));

    assertThat(get("/ipfs/" + absent).statusCode()).isEqualTo(404);
    assertThat(get("/ipfs/" + absent + "?format=raw").statusCode()).isEqualTo(404);
    assertThat(get("/ipfs/" + absent + "?format=car").statusCode()).isEqualTo(404);
    assertThat(send("HEAD", "/ipfs/" + absent).statusCode()).isEqualTo(404);
    assertThat(get("/ipfs/" + directory + "/missing.txt").statusCode()).isEqualTo(404);
    assertThat(get("/ipfs/" + directory + "/f.txt/under-a-file").statusCode()).isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
  void otherMethodsAreNotAllowed(String method) throws Exception {
    Cid file = DAGS.rawFile("m".getBytes(StandardCharsets.UTF_8));

    HttpResponse<byte[]> response = send(method, "/ipfs/" + file);

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(header(response, "Allow")).isEqualTo("GET, HEAD");
  }

  @Test
  void aBlockMissingBeforeAnythingWasSentIsAnError() throws Exception {
    byte[] content = random(4000, 9);
    Cid file = DAGS.chunkedFile(content, 1000);
    BLOCKS.remove(DAGS.leaves(file).get(2));

    HttpResponse<byte[]> response = get("/ipfs/" + file);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(header(response, "Cache-Control")).isNull();
  }

  @Test
  void aBlockMissingInTheMiddleOfALargeFileAbortsTheResponse() throws Exception {
    byte[] content = random(3 * 256 * 1024, 10);
    Cid file = DAGS.chunkedFile(content, 256 * 1024);
    BLOCKS.remove(DAGS.leaves(file).get(2));

    assertThatThrownBy(() -> get("/ipfs/" + file)).isInstanceOf(IOException.class);
    // The server stays up.
    assertThat(get("/ipfs/" + DAGS.rawFile(new byte[] {'k'})).statusCode()).isEqualTo(200);
  }

  @Test
  void aCorruptBlockInTheMiddleOfALargeFileAbortsTheResponse() throws Exception {
    byte[] content = random(3 * 256 * 1024, 11);
    Cid file = DAGS.chunkedFile(content, 256 * 1024);
    BLOCKS.corrupt(DAGS.leaves(file).get(1));

    assertThatThrownBy(() -> get("/ipfs/" + file)).isInstanceOf(IOException.class);
  }

  @Test
  void aBlockMissingUnderACarAbortsTheStream() throws Exception {
    byte[] content = random(4 * 256 * 1024, 12);
    Cid file = DAGS.chunkedFile(content, 256 * 1024);
    BLOCKS.remove(DAGS.leaves(file).get(3));

    assertThatThrownBy(() -> get("/ipfs/" + file + "?format=car")).isInstanceOf(IOException.class);
  }

  /** A CAR v1 read back: the header's bytes and every section's block by id, in order. */
  private record Car(byte[] header, Map<Cid, byte[]> blocks) {
    static Car parse(byte[] bytes) {
      Cursor cursor = new Cursor(0);
      int headerLength = (int) Varint.readMultiformat(bytes, cursor, "header length");
      byte[] header = Arrays.copyOfRange(bytes, cursor.position, cursor.position + headerLength);
      cursor.position += headerLength;
      Map<Cid, byte[]> blocks = new LinkedHashMap<>();
      while (cursor.position < bytes.length) {
        int sectionLength = (int) Varint.readMultiformat(bytes, cursor, "section length");
        int end = cursor.position + sectionLength;
        Cid cid = Cid.read(bytes, cursor);
        assertThat(blocks.put(cid, Arrays.copyOfRange(bytes, cursor.position, end))).as("duplicate").isNull();
        cursor.position = end;
      }
      return new Car(header, blocks);
    }

    boolean headerNames(Cid root) {
      byte[] id = root.bytes();
      for (int start = 0; start + id.length <= header.length; start++) {
        if (Arrays.equals(header, start, start + id.length, id, 0, id.length)) {
          return true;
        }
      }
      return false;
    }
  }

  @Test
  void everyRequestLeavesTheBlocksAlone() throws Exception {
    Cid file = DAGS.rawFile("still here".getBytes(StandardCharsets.UTF_8));
    int before = BLOCKS.size();

    send("DELETE", "/ipfs/" + file);
    send("POST", "/ipfs/" + file);

    assertThat(BLOCKS.size()).isEqualTo(before);
    assertThat(get("/ipfs/" + file).statusCode()).isEqualTo(200);
  }
}
