package io.citrate.ipfs.internal.pin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.ImportOptions;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.api.UnixFsEntry;
import io.citrate.ipfs.internal.block.BlockSink;
import io.citrate.ipfs.internal.block.BlockSource;
import io.citrate.ipfs.internal.block.KeyValueBlockstore;
import io.citrate.ipfs.internal.car.CarWriter;
import io.citrate.ipfs.internal.dag.DagWalk;
import io.citrate.ipfs.internal.unixfs.FileImporter;
import io.citrate.ipfs.internal.unixfs.UnixFsReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An external Kubo node as a pin backend ({@value #NAME}), over its RPC API (every call a POST under
 * {@code /api/v0/}). An attempt first asks {@code pin/ls} whether the content is pinned already; if not, content the
 * node holds whole is sent: a file that Kubo's {@code add} reproduces (checked here first, by importing it again with
 * Kubo's options for its CID version) is uploaded to {@code add} with {@code pin=true}, and the CID Kubo reports must
 * be ours; anything else (directories, files imported with other options) goes as a CAR to {@code dag/import}, which
 * pins its root. Content the node does not hold whole is left to Kubo to fetch from its network ({@code pin/add}).
 *
 * <p>A timeout, a failed connection or a 5xx answer is retryable; a 4xx answer or a CID mismatch is not. It is also
 * the node's source of missing blocks ({@link BlockSource}, {@code block/get}), verified against the id asked for.
 */
public final class KuboPinBackend implements PinBackend, BlockSource {
  public static final String NAME = "kubo";
  /** Longest JSON answer read from Kubo; its answers to these calls are a few hundred bytes. */
  static final int MAX_JSON_BYTES = 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(KuboPinBackend.class);

  private final URI api;
  private final BoundedHttp http;
  private final KeyValueBlockstore localBlocks;

  /**
   * @param apiUrl Kubo's RPC address, e.g. {@code http://127.0.0.1:5001}
   * @param timeout the longest one call may take, uploads included
   * @param localBlocks the node's blocks, the source of uploads
   */
  public KuboPinBackend(URI apiUrl, Duration timeout, KeyValueBlockstore localBlocks) {
    BoundedHttp.checkHttpUrl(apiUrl, "Kubo RPC address");
    String base = apiUrl.toString();
    this.api = URI.create((base.endsWith("/") ? base : base + "/") + "api/v0/");
    this.http = new BoundedHttp(timeout);
    this.localBlocks = localBlocks;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void pin(Cid cid, String pinName) {
    if (isPinned(cid)) {
      return;
    }
    if (!holdsWholeDag(cid)) {
      pinFromNetwork(cid);
    } else if (reproducibleByAdd(cid)) {
      add(cid);
    } else {
      importCar(cid);
    }
  }

  @Override
  public void unpin(Cid cid) {
    BoundedHttp.Answer answer = call("pin/rm?arg=" + encode(cid) + "&recursive=true", BodyPublishers.noBody(),
        null, MAX_JSON_BYTES);
    if (!answer.ok() && !errorMessage(answer).contains("not pinned")) {
      throw new IpfsException(Kind.BACKEND, "Kubo at " + api + " refused to unpin " + cid + ": "
          + errorMessage(answer));
    }
  }

  /** The block from Kubo ({@code block/get}): NOT_FOUND when Kubo has none, CORRUPT_BLOCK when it does not match. */
  @Override
  public byte[] get(Cid cid) {
    BoundedHttp.Answer answer;
    try {
      answer = http.send(post("block/get?arg=" + encode(cid), BodyPublishers.noBody(), null),
          KeyValueBlockstore.MAX_BLOCK_SIZE);
    } catch (IOException e) {
      throw new IpfsException(Kind.BACKEND, "Kubo at " + api + " did not deliver block " + cid + ": "
          + describe(e), e);
    }
    if (!answer.ok()) {
      String message = errorMessage(answer);
      throw new IpfsException(message.contains("not found") ? Kind.NOT_FOUND : Kind.BACKEND,
          "Kubo at " + api + " answered " + answer.status() + " for block " + cid + ": " + message);
    }
    if (!cid.matches(answer.body())) {
      throw new IpfsException(Kind.CORRUPT_BLOCK, "Kubo at " + api + " returned " + answer.body().length
          + " bytes for block " + cid + " that do not hash to it");
    }
    return answer.body();
  }

  /** {@code pin/ls}: pinned recursively there? Kubo answers 500 "... is not pinned" when it is not. */
  private boolean isPinned(Cid cid) {
    BoundedHttp.Answer answer = call("pin/ls?arg=" + encode(cid) + "&type=recursive", BodyPublishers.noBody(), null,
        MAX_JSON_BYTES);
    if (!answer.ok()) {
      String message = errorMessage(answer);
      if (answer.status() == 500 && message.contains("not pinned")) {
        return false;
      }
      throw failure("pin/ls", answer);
    }
    JsonNode keys = parse("pin/ls", answer).path("Keys");
    if (!keys.isObject()) {
      throw new PinAttemptException("Kubo at " + api + " answered pin/ls without Keys", true);
    }
    for (Map.Entry<String, JsonNode> key : keys.properties()) {
      if (sameContent(parseCid("pin/ls", key.getKey()), cid)) {
        return true;
      }
    }
    return false;
  }

  /** {@code pin/add}: Kubo fetches the DAG from its network, which may take up to the timeout. */
  private void pinFromNetwork(Cid cid) {
    BoundedHttp.Answer answer = call("pin/add?arg=" + encode(cid) + "&recursive=true", BodyPublishers.noBody(), null,
        MAX_JSON_BYTES);
    if (!answer.ok()) {
      throw failure("pin/add", answer);
    }
    for (JsonNode pinned : parse("pin/add", answer).path("Pins")) {
      if (sameContent(parseCid("pin/add", pinned.asText()), cid)) {
        return;
      }
    }
    throw new PinAttemptException("Kubo at " + api + " answered pin/add without pinning " + cid, true);
  }

  /** {@code add} of the file's bytes with the options that reproduce its CID; Kubo's CID must be ours. */
  private void add(Cid cid) {
    String query = "add?cid-version=" + cid.version() + "&raw-leaves=" + (cid.version() == 1)
        + "&chunker=size-" + ImportOptions.DEFAULT_CHUNK_SIZE + "&pin=true&quieter=true&progress=false";
    UnixFsReader reader = new UnixFsReader(localBlocks);
    BoundedHttp.Answer answer = call(query, null, () -> reader.open(cid, 0, Long.MAX_VALUE), MAX_JSON_BYTES);
    if (!answer.ok()) {
      throw failure("add", answer);
    }
    Cid reported = null;
    for (JsonNode line : parseLines("add", answer)) {
      if (line.hasNonNull("Hash")) {
        reported = parseCid("add", line.get("Hash").asText());
      }
    }
    if (reported == null) {
      throw new PinAttemptException("Kubo at " + api + " answered add without a Hash", true);
    }
    if (!reported.equals(cid)) {
      try {
        unpin(reported);
      } catch (RuntimeException e) {
        LOG.warn("Kubo at {} keeps a pin of {} that no pin here names: {}", api, reported, e.getMessage());
      }
      throw new PinAttemptException("Kubo at " + api + " added the content as " + reported + ", not " + cid
          + ": this Kubo imports with other options than the ones that made " + cid, false);
    }
  }

  /** {@code dag/import} of the whole DAG as a CAR, pinning its root. */
  private void importCar(Cid cid) {
    BoundedHttp.Answer answer = call("dag/import?pin-roots=true", null, () -> carStream(cid), MAX_JSON_BYTES);
    if (!answer.ok()) {
      throw failure("dag/import", answer);
    }
    for (JsonNode line : parseLines("dag/import", answer)) {
      JsonNode root = line.path("Root");
      if (root.isObject() && sameContent(parseCid("dag/import", root.path("Cid").path("/").asText()), cid)) {
        String pinError = root.path("PinErrorMsg").asText("");
        if (!pinError.isEmpty()) {
          throw new PinAttemptException("Kubo at " + api + " imported " + cid + " but did not pin it: " + pinError,
              true);
        }
        return;
      }
    }
    throw new PinAttemptException("Kubo at " + api + " answered dag/import without a root " + cid, true);
  }

  /** Whether every block under {@code cid} is in the local blockstore (raw leaves are checked without reading). */
  private boolean holdsWholeDag(Cid cid) {
    boolean[] missing = {false};
    try {
      new DagWalk().walk(cid, next -> {
        if (next.codec() == Cid.RAW) {
          missing[0] |= !localBlocks.has(next);
          return Optional.empty();
        }
        Optional<byte[]> block = localBlocks.find(next);
        missing[0] |= block.isEmpty();
        return block;
      });
      return !missing[0];
    } catch (IpfsException e) {
      // A damaged or unfollowable block: not whole here, so Kubo fetches it from its network.
      return false;
    }
  }

  /** A file (or a single raw block) whose bytes, imported as Kubo's add would, give {@code cid} again. */
  private boolean reproducibleByAdd(Cid cid) {
    UnixFsReader reader = new UnixFsReader(localBlocks);
    UnixFsEntry.Type type = reader.stat(cid).type();
    if (type != UnixFsEntry.Type.FILE && type != UnixFsEntry.Type.RAW) {
      return false;
    }
    try (InputStream content = reader.open(cid, 0, Long.MAX_VALUE)) {
      return new FileImporter(ImportOptions.kubo(cid.version()), BlockSink.DISCARD).importFile(content).root()
          .equals(cid);
    } catch (IOException e) {
      throw new PinAttemptException("reading " + cid + " from the blockstore failed: " + e.getMessage(), true, e);
    }
  }

  /** A CAR of the DAG under {@code cid}, written by a thread of its own into a pipe as the upload reads it. */
  private InputStream carStream(Cid cid) {
    try {
      PipedInputStream in = new PipedInputStream(64 * 1024);
      PipedOutputStream out = new PipedOutputStream(in);
      Thread writer = new Thread(() -> {
        try (out) {
          CarWriter.write(cid, localBlocks, out);
        } catch (IOException | RuntimeException e) {
          // The upload then ends short, and Kubo refuses the truncated CAR: the attempt fails and is retried.
          LOG.debug("CAR upload of {} to Kubo at {} ended early: {}", cid, api, e.getMessage());
        }
      }, "kubo-car-upload");
      writer.setDaemon(true);
      writer.start();
      return in;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One RPC call: {@code body} when given, else a multipart upload of {@code file} as Kubo's commands take files.
   * Timeouts and failed connections are retryable attempt failures.
   */
  private BoundedHttp.Answer call(String command, BodyPublisher body, Supplier<InputStream> file, int maxBytes) {
    try {
      return http.send(post(command, body, file), maxBytes);
    } catch (IOException e) {
      throw new PinAttemptException("Kubo at " + api + " failed on " + command.substring(0, command.indexOf('?'))
          + ": " + describe(e), true, e);
    }
  }

  private HttpRequest.Builder post(String command, BodyPublisher body, Supplier<InputStream> file) {
    HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(command));
    if (file == null) {
      return request.POST(body);
    }
    String boundary = "citrate-" + UUID.randomUUID();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"data\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    return request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(BodyPublishers.ofInputStream(() -> new SequenceInputStream(new SequenceInputStream(
            new ByteArrayInputStream(head), file.get()), new ByteArrayInputStream(tail))));
  }

  /** 5xx (and 429) are retryable; other 4xx say the request itself is wrong, which retrying does not change. */
  private PinAttemptException failure(String command, BoundedHttp.Answer answer) {
    boolean retryable = answer.status() >= 500 || answer.status() == 429;
    return new PinAttemptException("Kubo at " + api + " answered " + command + " with " + answer.status() + ": "
        + errorMessage(answer), retryable);
  }

  /** Kubo's error answers are {"Message": ..., "Code": ..., "Type": "error"}; anything else is shown shortened. */
  private static String errorMessage(BoundedHttp.Answer answer) {
    try {
      JsonNode error = JSON.readTree(answer.body());
      if (error != null && error.path("Message").isTextual()) {
        return error.get("Message").asText();
      }
    } catch (IOException e) {
      // Not JSON: shown as text below.
    }
    String text = new String(answer.body(), StandardCharsets.UTF_8).strip();
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }

  private JsonNode parse(String command, BoundedHttp.Answer answer) {
    return answer.jsonObject(JSON, "Kubo at " + api + " answered " + command);
  }


  /** add and dag/import answer one JSON object per line. */
  private List<JsonNode> parseLines(String command, BoundedHttp.Answer answer) {
    String text = new String(answer.body(), StandardCharsets.UTF_8);
    return text.lines().filter(line -> !line.isBlank())
        .map(line -> parse(command, new BoundedHttp.Answer(answer.status(), line.getBytes(StandardCharsets.UTF_8))))
        .toList();
  }

  private Cid parseCid(String command, String text) {
    try {
      return Cid.parse(text);
    } catch (IpfsException e) {
      throw new PinAttemptException("Kubo at " + api + " answered " + command + " with an invalid CID: "
          + e.getMessage(), true, e);
    }
  }

  /** Kubo may answer a CIDv0 with its CIDv1 or the other way round: the same content either way. */
  private static boolean sameContent(Cid a, Cid b) {
    return a.codec() == b.codec() && a.multihash().equals(b.multihash());
  }

  private String describe(IOException e) {
    if (e instanceof HttpTimeoutException) {
      return "no answer within " + http.timeout().toMillis() + " ms";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String encode(Cid cid) {
    return URLEncoder.encode(cid.toString(), StandardCharsets.UTF_8);
  }
}
