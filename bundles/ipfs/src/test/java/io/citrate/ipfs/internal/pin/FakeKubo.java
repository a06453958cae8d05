package io.citrate.ipfs.internal.pin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.ImportOptions;
import io.citrate.ipfs.api.ImportResult;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.internal.block.KeyValueBlockstore;
import io.citrate.ipfs.internal.car.CarReader;
import io.citrate.ipfs.internal.dag.DagLinks;
import io.citrate.ipfs.internal.unixfs.FileImporter;
import io.citrate.store.api.MemoryKeyValueStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A fake of Kubo's documented RPC API ({@code /api/v0/…}, every command a POST, errors as
 * {@code {"Message", "Code", "Type": "error"}} with status 500), not a real Kubo: it keeps blocks and recursive pins
 * in memory and computes what a real Kubo would with this project's importer and CAR reader. Commands: pin/ls,
 * pin/add (from its "network", a second blockstore standing for the peers it could fetch from), pin/rm, add
 * (multipart, with cid-version, raw-leaves, chunker=size-N and pin), dag/import (multipart CAR; pin-roots, off by
 * default since Kubo 0.21) and block/get. Faults can be queued: answers to give instead, and calls to leave hanging.
 */
final class FakeKubo implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  final KeyValueBlockstore blocks = new KeyValueBlockstore(new MemoryKeyValueStore());
  /** What Kubo could fetch from other peers. */
  final KeyValueBlockstore network = new KeyValueBlockstore(new MemoryKeyValueStore());
  private final Set<Cid> pins = Collections.synchronizedSet(new HashSet<>());
  final List<String> commands = Collections.synchronizedList(new ArrayList<>());
  private final Deque<Answer> faults = new ArrayDeque<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private final HttpServer server;
  /** Blocks block/get answers with other bytes than asked for. */
  volatile boolean corruptBlocks;
  /** add reports this chunk size's result instead of the requested one, as a Kubo with other defaults would. */
  volatile int addChunkSizeOverride;

  private record Answer(int status, String body, boolean hang) {}

  FakeKubo() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/v0/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  boolean pinned(Cid cid) {
    return pins.contains(cid.toV1());
  }

  void pin(Cid cid) {
    pins.add(cid.toV1());
  }

  /** The next {@code times} calls answer {@code status} with {@code body}. */
  FakeKubo failNext(int times, int status, String body) {
    synchronized (faults) {
      for (int i = 0; i < times; i++) {
        faults.add(new Answer(status, body, false));
      }
    }
    return this;
  }

  /** The next {@code times} calls never answer (until closed). */
  FakeKubo hangNext(int times) {
    synchronized (faults) {
      for (int i = 0; i < times; i++) {
        faults.add(new Answer(0, null, true));
      }
    }
    return this;
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String command = exchange.getRequestURI().getPath().substring("/api/v0/".length());
      commands.add(command);
      if (!exchange.getRequestMethod().equals("POST")) {
        send(exchange, 405, "text/plain", "405 - Method Not Allowed".getBytes(StandardCharsets.UTF_8));
        return;
      }
      Answer fault;
      synchronized (faults) {
        fault = faults.poll();
      }
      if (fault != null && fault.hang()) {
        released.await(30, TimeUnit.SECONDS);
        return;
      }
      if (fault != null) {
        send(exchange, fault.status(), "application/json", fault.body().getBytes(StandardCharsets.UTF_8));
        return;
      }
      Map<String, String> query = query(exchange.getRequestURI());
      switch (command) {
        case "pin/ls" -> pinLs(exchange, query);
        case "pin/add" -> pinAdd(exchange, query);
        case "pin/rm" -> pinRm(exchange, query);
        case "add" -> add(exchange, query);
        case "dag/import" -> dagImport(exchange, query);
        case "block/get" -> blockGet(exchange, query);
        default -> error(exchange, 404, "404 page not found");
      }
    } catch (IpfsException e) {
      error(exchange, 500, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void pinLs(HttpExchange exchange, Map<String, String> query) throws IOException {
    Cid cid = Cid.parse(query.get("arg"));
    if (!pinned(cid)) {
      error(exchange, 500, "path '" + cid + "' is not pinned");
      return;
    }
    ObjectNode answer = JSON.createObjectNode();
    answer.putObject("Keys").putObject(cid.toString()).put("Type", "recursive");
    json(exchange, answer.toString());
  }

  private void pinAdd(HttpExchange exchange, Map<String, String> query) throws IOException, InterruptedException {
    Cid cid = Cid.parse(query.get("arg"));
    if (!fetchWhole(cid)) {
      // A real Kubo keeps looking for providers until the request is cancelled.
      released.await(30, TimeUnit.SECONDS);
      return;
    }
    pin(cid);
    json(exchange, "{\"Pins\":[\"" + cid + "\"]}");
  }

  private void pinRm(HttpExchange exchange, Map<String, String> query) throws IOException {
    Cid cid = Cid.parse(query.get("arg"));
    if (!pins.remove(cid.toV1())) {
      error(exchange, 500, "not pinned or pinned indirectly");
      return;
    }
    json(exchange, "{\"Pins\":[\"" + cid + "\"]}");
  }

  private void add(HttpExchange exchange, Map<String, String> query) throws IOException {
    int cidVersion = Integer.parseInt(query.getOrDefault("cid-version", "0"));
    boolean rawLeaves = Boolean.parseBoolean(query.getOrDefault("raw-leaves", String.valueOf(cidVersion == 1)));
    String chunker = query.getOrDefault("chunker", "size-262144");
    int chunkSize = addChunkSizeOverride > 0 ? addChunkSizeOverride
        : Integer.parseInt(chunker.substring("size-".length()));
    ImportOptions options = new ImportOptions(cidVersion, rawLeaves, chunkSize, ImportOptions.DEFAULT_MAX_LINKS,
        ImportOptions.DEFAULT_SHARD_THRESHOLD);
    ImportResult result;
    try (KeyValueBlockstore.BlockWriter writer = blocks.writer()) {
      result = new FileImporter(options, writer).importFile(new ByteArrayInputStream(filePart(exchange)));
    }
    if (Boolean.parseBoolean(query.getOrDefault("pin", "true"))) {
      pin(result.root());
    }
    json(exchange, "{\"Name\":\"data\",\"Hash\":\"" + result.root() + "\",\"Size\":\"" + result.dagBytes()
        + "\"}\n");
  }

  private void dagImport(HttpExchange exchange, Map<String, String> query) throws IOException {
    List<Cid> roots;
    try (KeyValueBlockstore.BlockWriter writer = blocks.writer()) {
      roots = CarReader.read(new ByteArrayInputStream(filePart(exchange)), writer);
    }
    StringBuilder answer = new StringBuilder();
    for (Cid root : roots) {
      String pinError = "";
      if (Boolean.parseBoolean(query.getOrDefault("pin-roots", "false"))) {
        if (whole(blocks, root)) {
          pin(root);
        } else {
          pinError = "block was not found locally (offline): ipld: could not find " + root;
        }
      }
      answer.append("{\"Root\":{\"Cid\":{\"/\":\"").append(root).append("\"},\"PinErrorMsg\":\"").append(pinError)
          .append("\"}}\n");
    }
    json(exchange, answer.toString());
  }

  private void blockGet(HttpExchange exchange, Map<String, String> query) throws IOException {
    Cid cid = Cid.parse(query.get("arg"));
    if (!blocks.has(cid)) {
      error(exchange, 500, "block was not found locally (offline): ipld: could not find " + cid);
      return;
    }
    byte[] block = blocks.get(cid);
    if (corruptBlocks) {
      block = ("garbage instead of " + cid).getBytes(StandardCharsets.UTF_8);
    }
    send(exchange, 200, "application/octet-stream", block);
  }

  /** Copies the DAG under {@code root} from the network into this node; false when a block is nowhere. */
  private boolean fetchWhole(Cid root) {
    Deque<Cid> pending = new ArrayDeque<>(List.of(root));
    while (!pending.isEmpty()) {
      Cid cid = pending.pop();
      byte[] block;
      if (blocks.has(cid)) {
        block = blocks.get(cid);
      } else if (network.has(cid)) {
        block = network.get(cid);
        blocks.put(cid, block);
      } else {
        return false;
      }
      pending.addAll(DagLinks.of(cid, block));
    }
    return true;
  }

  private static boolean whole(KeyValueBlockstore store, Cid root) {
    Deque<Cid> pending = new ArrayDeque<>(List.of(root));
    while (!pending.isEmpty()) {
      Cid cid = pending.pop();
      if (!store.has(cid)) {
        return false;
      }
      pending.addAll(DagLinks.of(cid, store.get(cid)));
    }
    return true;
  }

  /** The content of the first part of a multipart/form-data body. */
  private static byte[] filePart(HttpExchange exchange) throws IOException {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (type == null || !type.startsWith("multipart/form-data; boundary=")) {
      throw new IpfsException(IpfsException.Kind.INVALID_DATA, "request Content-Type isn't multipart/form-data");
    }
    byte[] delimiter = ("\r\n--" + type.substring(type.indexOf("boundary=") + 9)).getBytes(StandardCharsets.US_ASCII);
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    int start = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0) + 4;
    int end = indexOf(body, delimiter, start);
    if (start < 4 || end < 0) {
      throw new IpfsException(IpfsException.Kind.INVALID_DATA, "file argument 'path' is required");
    }
    byte[] part = new byte[end - start];
    System.arraycopy(body, start, part, 0, part.length);
    return part;
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> query = new HashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int equals = pair.indexOf('=');
        query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return query;
  }

  private static void error(HttpExchange exchange, int status, String message) throws IOException {
    ObjectNode error = JSON.createObjectNode().put("Message", message).put("Code", 0).put("Type", "error");
    send(exchange, status, "application/json", error.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void json(HttpExchange exchange, String body) throws IOException {
    send(exchange, 200, "application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
