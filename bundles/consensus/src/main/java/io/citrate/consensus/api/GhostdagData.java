package io.citrate.consensus.api;

import io.citrate.core.api.Hash;
import io.citrate.core.api.rlp.Rlp;
import io.citrate.core.api.rlp.RlpException;
import io.citrate.core.api.rlp.RlpReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What GHOSTDAG concludes about one block: its selected parent, how it colours its mergeset, and the
 * blue score and blue work that order blocks.
 *
 * @param blueScore number of blue blocks in the block's past
 * @param blueWork total work of the blue blocks in the block's past
 * @param selectedParent the parent with the highest (blue work, hash); {@link #ORIGIN} for genesis
 * @param mergesetBlues the selected parent first, then the blues in colouring order
 * @param mergesetReds the reds in colouring order
 * @param bluesAnticoneSizes blue anticone size, seen from this block, of every blue whose size this block
 *     set or changed (at least the mergeset blues); iterates in ascending hash order
 */
public record GhostdagData(
    long blueScore,
    BigInteger blueWork,
    Hash selectedParent,
    List<Hash> mergesetBlues,
    List<Hash> mergesetReds,
    Map<Hash, Integer> bluesAnticoneSizes) {

  /** The selected parent of genesis: a sentinel that names no block. */
  public static final Hash ORIGIN = Hash.ZERO;

  /** Blue work never exceeds 256 bits here: it is a sum of per-block work far below 2^256 each. */
  private static final int MAX_BLUE_WORK_BYTES = 32;

  public GhostdagData {
    if (blueScore < 0) {
      throw new IllegalArgumentException("blue score is negative: " + blueScore);
    }
    if (blueWork == null || blueWork.signum() < 0) {
      throw new IllegalArgumentException("blue work must be a non-negative integer: " + blueWork);
    }
    if (selectedParent == null) {
      throw new IllegalArgumentException("selected parent is null; genesis uses GhostdagData.ORIGIN");
    }
    mergesetBlues = List.copyOf(mergesetBlues);
    mergesetReds = List.copyOf(mergesetReds);
    bluesAnticoneSizes = sortedCopy(bluesAnticoneSizes);
    boolean genesis = selectedParent.equals(ORIGIN);
    if (genesis && !(mergesetBlues.isEmpty() && mergesetReds.isEmpty() && bluesAnticoneSizes.isEmpty())) {
      throw new IllegalArgumentException("genesis data (selected parent ORIGIN) must have an empty mergeset");
    }
    if (!genesis && (mergesetBlues.isEmpty() || !mergesetBlues.get(0).equals(selectedParent))) {
      throw new IllegalArgumentException("the first mergeset blue must be the selected parent " + selectedParent);
    }
    requireDistinct(mergesetBlues, mergesetReds);
    for (Hash blue : mergesetBlues) {
      if (!bluesAnticoneSizes.containsKey(blue)) {
        throw new IllegalArgumentException("mergeset blue " + blue + " has no blue anticone size");
      }
    }
  }

  /** The data of genesis: nothing in its past, so score and work are zero. */
  public static GhostdagData genesis() {
    return new GhostdagData(0, BigInteger.ZERO, ORIGIN, List.of(), List.of(), Map.of());
  }

  /** Number of blocks in the mergeset, selected parent included. */
  public int mergesetSize() {
    return mergesetBlues.size() + mergesetReds.size();
  }

  /**
   * The canonical RLP encoding: {@code [blueScore, blueWork, selectedParent, [blues...], [reds...],
   * [[hash, size]...]]} with the anticone sizes in ascending hash order.
   */
  public byte[] encode() {
    List<byte[]> sizes = new ArrayList<>(bluesAnticoneSizes.size());
    bluesAnticoneSizes.forEach((block, size) ->
        sizes.add(Rlp.encodeList(Rlp.encodeBytes(block.unsafeBytes()), Rlp.encodeLong(size))));
    return Rlp.encodeList(
        Rlp.encodeLong(blueScore),
        Rlp.encodeBigInteger(blueWork),
        Rlp.encodeBytes(selectedParent.unsafeBytes()),
        encodeHashes(mergesetBlues),
        encodeHashes(mergesetReds),
        Rlp.encodeList(sizes));
  }

  /**
   * Decodes {@link #encode()}'s output, accepting only the canonical form.
   *
   * @throws RlpException when the input is malformed, not canonical or describes inconsistent data
   */
  public static GhostdagData decode(byte[] encoded) {
    RlpReader outer = RlpReader.of(encoded);
    RlpReader fields = outer.enterList();
    outer.ensureEnd();
    long blueScore = fields.readLong("blue score");
    BigInteger blueWork = fields.readBigInteger(MAX_BLUE_WORK_BYTES, "blue work");
    Hash selectedParent = readHash(fields, "selected parent");
    List<Hash> blues = readHashes(fields.enterList(), "mergeset blue");
    List<Hash> reds = readHashes(fields.enterList(), "mergeset red");
    Map<Hash, Integer> sizes = readAnticoneSizes(fields.enterList());
    fields.ensureEnd();
    try {
      return new GhostdagData(blueScore, blueWork, selectedParent, blues, reds, sizes);
    } catch (IllegalArgumentException e) {
      throw new RlpException("inconsistent GHOSTDAG data: " + e.getMessage());
    }
  }

  private static Map<Hash, Integer> sortedCopy(Map<Hash, Integer> sizes) {
    SortedMap<Hash, Integer> sorted = new TreeMap<>();
    sizes.forEach((block, size) -> {
      if (block == null || size == null || size < 0) {
        throw new IllegalArgumentException("invalid blue anticone size " + size + " for block " + block);
      }
      sorted.put(block, size);
    });
    return Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
  }

  private static void requireDistinct(List<Hash> blues, List<Hash> reds) {
    Set<Hash> seen = new HashSet<>();
    for (List<Hash> list : List.of(blues, reds)) {
      for (Hash block : list) {
        if (!seen.add(block)) {
          throw new IllegalArgumentException("block " + block + " appears twice in the mergeset");
        }
      }
    }
  }

  private static byte[] encodeHashes(List<Hash> hashes) {
    List<byte[]> items = new ArrayList<>(hashes.size());
    hashes.forEach(hash -> items.add(Rlp.encodeBytes(hash.unsafeBytes())));
    return Rlp.encodeList(items);
  }

  private static Hash readHash(RlpReader reader, String what) {
    return Hash.wrapUnsafe(reader.readBytes(Hash.SIZE, what));
  }

  private static List<Hash> readHashes(RlpReader list, String what) {
    List<Hash> hashes = new ArrayList<>();
    while (list.hasNext()) {
      hashes.add(readHash(list, what));
    }
    return hashes;
  }

  private static Map<Hash, Integer> readAnticoneSizes(RlpReader list) {
    Map<Hash, Integer> sizes = new LinkedHashMap<>();
    Hash previous = null;
    while (list.hasNext()) {
      RlpReader entry = list.enterList();
      Hash block = readHash(entry, "anticone size block");
      long size = entry.readLong("blue anticone size");
      entry.ensureEnd();
      if (previous != null && previous.compareTo(block) >= 0) {
        throw new RlpException("blue anticone sizes are not in strictly ascending hash order at " + block);
      }
      if (size > Integer.MAX_VALUE || size < 0) {
        throw new RlpException("blue anticone size out of range: " + Long.toUnsignedString(size));
      }
      sizes.put(block, (int) size);
      previous = block;
    }
    return sizes;
  }
}
