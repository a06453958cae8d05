package io.citrate.consensus.internal.store;

import io.citrate.core.api.Hash;
import io.citrate.core.api.rlp.Rlp;
import io.citrate.core.api.rlp.RlpException;
import io.citrate.core.api.rlp.RlpReader;
import io.citrate.store.api.KeyValueStore;
import io.citrate.store.api.StoreName;
import io.citrate.store.api.WriteBatch;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The DAG's moving parts: its tips, its sink (the tip with the highest blue work, which the selected
 * chain ends in) and the selected chain itself, indexed both ways: position to block (the Ethereum view's
 * block numbers) and block to position (is a block on the chain, and where).
 */
public final class KeyValueDagStateStore {
  public static final StoreName STATE = StoreName.of("dag-state");
  public static final StoreName CHAIN_BY_POSITION = StoreName.of("selected-chain-by-position");
  public static final StoreName CHAIN_POSITIONS = StoreName.of("selected-chain-positions");

  private static final byte[] TIPS = {1};
  private static final byte[] SINK = {2};

  private final KeyValueStore store;

  public KeyValueDagStateStore(KeyValueStore store) {
    this.store = store;
  }

  /** The tips in ascending hash order; empty before genesis. */
  public List<Hash> tips() {
    return store.get(STATE, TIPS).map(KeyValueDagStateStore::decodeHashes).orElse(List.of());
  }

  public Optional<Hash> sink() {
    return store.get(STATE, SINK).map(Hash::wrapUnsafe);
  }

  /** Position of {@code block} on the selected chain (genesis is 0), if it is on it. */
  public OptionalLong chainPosition(Hash block) {
    return store.get(CHAIN_POSITIONS, block.unsafeBytes())
        .map(value -> OptionalLong.of(ByteBuffer.wrap(value).getLong()))
        .orElse(OptionalLong.empty());
  }

  /** The chain block at {@code position}, if the chain is that long. */
  public Optional<Hash> chainBlockAt(long position) {
    return store.get(CHAIN_BY_POSITION, positionKey(position)).map(Hash::wrapUnsafe);
  }

  public void stageTips(WriteBatch batch, List<Hash> tips) {
    List<byte[]> items = new ArrayList<>(tips.size());
    tips.stream().sorted().forEach(tip -> items.add(Rlp.encodeBytes(tip.unsafeBytes())));
    batch.put(STATE, TIPS, Rlp.encodeList(items));
  }

  public void stageSink(WriteBatch batch, Hash sink) {
    batch.put(STATE, SINK, sink.toArray());
  }

  public void stageChainBlock(WriteBatch batch, long position, Hash block) {
    batch.put(CHAIN_BY_POSITION, positionKey(position), block.toArray());
    batch.put(CHAIN_POSITIONS, block.unsafeBytes(), positionKey(position));
  }

  public void stageChainRemoval(WriteBatch batch, long position, Hash block) {
    batch.delete(CHAIN_BY_POSITION, positionKey(position));
    batch.delete(CHAIN_POSITIONS, block.unsafeBytes());
  }

  /** Big-endian, so positions sort numerically under the store's unsigned key order. */
  private static byte[] positionKey(long position) {
    return ByteBuffer.allocate(Long.BYTES).putLong(position).array();
  }

  private static List<Hash> decodeHashes(byte[] encoded) {
    try {
      RlpReader outer = RlpReader.of(encoded);
      RlpReader list = outer.enterList();
      outer.ensureEnd();
      List<Hash> hashes = new ArrayList<>();
      while (list.hasNext()) {
        hashes.add(Hash.wrapUnsafe(list.readBytes(Hash.SIZE, "tip")));
      }
      return List.copyOf(hashes);
    } catch (RlpException e) {
      throw new CorruptBlockDataException(STATE.value(), Hash.ZERO, e);
    }
  }
}
