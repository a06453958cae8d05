package io.citrate.ipfs.internal.http;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.internal.dag.PbLink;
import io.citrate.ipfs.internal.dag.PbNode;
import io.citrate.ipfs.internal.dag.UnixFsData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Hand-built UnixFS DAGs (CIDv1, raw leaves) put into {@link MemoryBlocks}. */
final class Dags {
  private final MemoryBlocks blocks;

  Dags(MemoryBlocks blocks) {
    this.blocks = blocks;
  }

  /** A file of one raw block. */
  Cid rawFile(byte[] content) {
    return blocks.add(Cid.RAW, content);
  }

  /** A file whose bytes are split into raw leaves of {@code chunk} bytes under one dag-pb file node. */
  Cid chunkedFile(byte[] content, int chunk) {
    List<PbLink> links = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    for (int offset = 0; offset < content.length; offset += chunk) {
      byte[] leaf = Arrays.copyOfRange(content, offset, Math.min(content.length, offset + chunk));
      links.add(new PbLink(blocks.add(Cid.RAW, leaf), "", leaf.length));
      sizes.add((long) leaf.length);
    }
    long[] blockSizes = sizes.stream().mapToLong(Long::longValue).toArray();
    byte[] data = UnixFsData.fileNode(content.length, blockSizes).encode();
    return blocks.add(Cid.DAG_PB, new PbNode(links, data).encode());
  }

  /** The leaves of a file made by {@link #chunkedFile}, in order. */
  List<Cid> leaves(Cid file) {
    List<Cid> leaves = new ArrayList<>();
    for (PbLink link : PbNode.decode(blocks.get(file)).links()) {
      leaves.add(link.cid());
    }
    return leaves;
  }

  /** A basic directory of {@code entries} (name to id), links sorted by name as UnixFS wants. */
  Cid directory(Map<String, Cid> entries) {
    List<PbLink> links = new ArrayList<>();
    for (Map.Entry<String, Cid> entry : new TreeMap<>(entries).entrySet()) {
      links.add(new PbLink(entry.getValue(), entry.getKey(), blocks.get(entry.getValue()).length));
    }
    return blocks.add(Cid.DAG_PB, new PbNode(links, UnixFsData.directory().encode()).encode());
  }
}
