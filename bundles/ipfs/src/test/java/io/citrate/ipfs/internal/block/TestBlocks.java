package io.citrate.ipfs.internal.block;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.internal.dag.PbLink;
import io.citrate.ipfs.internal.dag.PbNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Blocks and small DAGs for blockstore tests. */
record TestBlocks(Cid cid, byte[] bytes) {

  /** A raw block (CIDv1, raw codec) holding {@code text}. */
  static TestBlocks raw(String text) {
    return raw(text.getBytes(StandardCharsets.UTF_8));
  }

  static TestBlocks raw(byte[] content) {
    return new TestBlocks(Cid.of(1, Cid.RAW, content), content);
  }

  /** {@code length} pseudo-random bytes from {@code seed}, as a raw block. */
  static TestBlocks random(long seed, int length) {
    byte[] content = new byte[length];
    new Random(seed).nextBytes(content);
    return raw(content);
  }

  /** A dag-pb node (CIDv0) linking to {@code children}, with {@code label} as its data. */
  static TestBlocks node(String label, TestBlocks... children) {
    return node(label, Arrays.stream(children).map(TestBlocks::cid).toList());
  }

  static TestBlocks node(String label, List<Cid> children) {
    List<PbLink> links = children.stream().map(child -> new PbLink(child, "", 1)).toList();
    byte[] block = new PbNode(links, label.getBytes(StandardCharsets.UTF_8)).encode();
    return new TestBlocks(Cid.of(0, Cid.DAG_PB, block), block);
  }

  void putInto(KeyValueBlockstore blockstore) {
    blockstore.put(cid, bytes);
  }
}
