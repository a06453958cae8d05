package io.citrate.ipfs.internal.car;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.internal.block.BlockSink;
import io.citrate.ipfs.internal.block.KeyValueBlockstore;
import io.citrate.ipfs.internal.dag.Varint;
import io.citrate.ipfs.internal.dag.Varint.Cursor;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

/**
 * Reads CAR v1 streams (see {@link CarWriter} for the layout). Every block is checked against its id before it
 * reaches the sink, so a corrupt CAR never stores a block under a wrong id; what was verified before a failure is
 * flushed, and the failure says which section and what was wrong.
 */
public final class CarReader {
  /** Largest block accepted: what the blockstore stores. */
  static final int MAX_BLOCK_SIZE = KeyValueBlockstore.MAX_BLOCK_SIZE;
  /** Largest section: a block and a CID (real CIDs are under 100 bytes). */
  static final int MAX_SECTION_SIZE = MAX_BLOCK_SIZE + 100;
  /** Largest header: room for thousands of roots. */
  static final int MAX_HEADER_SIZE = 1024 * 1024;

  private CarReader() {}

  /**
   * Reads a CAR v1 stream: validates the DAG-CBOR header (version 1, roots), then each section; every block is
   * verified against its CID before {@code sink.put}; a truncated or corrupt stream throws {@link IpfsException}
   * (INVALID_DATA, CORRUPT_BLOCK, or TOO_LARGE for a section over the limit) after flushing what was verified.
   * Returns the header's roots.
   */
  public static List<Cid> read(InputStream in, BlockSink sink) throws IOException {
    try {
      List<Cid> roots = readHeader(in);
      long section = 1;
      while (readSection(in, sink, section)) {
        section++;
      }
      sink.flush();
      return roots;
    } catch (IpfsException | IOException e) {
      try {
        sink.flush();
      } catch (RuntimeException flushFailure) {
        e.addSuppressed(flushFailure);
      }
      throw e;
    }
  }

  private static List<Cid> readHeader(InputStream in) throws IOException {
    long length = Varint.readMultiformat(in, "CAR header length");
    if (length < 0) {
      throw new IpfsException(Kind.INVALID_DATA, "CAR stream is empty");
    }
    if (length == 0 || length > MAX_HEADER_SIZE) {
      throw new IpfsException(length == 0 ? Kind.INVALID_DATA : Kind.TOO_LARGE,
          "CAR header of " + length + " bytes (at most " + MAX_HEADER_SIZE + ")");
    }
    byte[] header = in.readNBytes((int) length);
    if (header.length < length) {
      throw new IpfsException(Kind.INVALID_DATA,
          "CAR stream ends inside its header: " + header.length + " of " + length + " bytes");
    }
    return CarHeader.decode(header);
  }

  /** Reads, verifies and stores one section; false at a clean end of the stream. */
  private static boolean readSection(InputStream in, BlockSink sink, long section) throws IOException {
    long length = Varint.readMultiformat(in, "CAR section " + section + " length");
    if (length < 0) {
      return false;
    }
    if (length == 0) {
      throw new IpfsException(Kind.INVALID_DATA, "CAR section " + section + " is empty");
    }
    if (length > MAX_SECTION_SIZE) {
      throw new IpfsException(Kind.TOO_LARGE, "CAR section " + section + " is " + length
          + " bytes; a section holds one block of at most " + MAX_BLOCK_SIZE + " bytes and its CID");
    }
    byte[] bytes = in.readNBytes((int) length);
    Cursor cursor = new Cursor(0);
    Cid cid;
    try {
      cid = Cid.read(bytes, cursor);
    } catch (IpfsException e) {
      if (bytes.length < length) {
        throw truncated(section, "its CID", bytes.length, length);
      }
      throw new IpfsException(Kind.INVALID_DATA, "CAR section " + section + " has a malformed CID: "
          + e.getMessage(), e);
    }
    if (bytes.length < length) {
      throw truncated(section, "the block of " + cid, bytes.length, length);
    }
    byte[] block = Arrays.copyOfRange(bytes, cursor.position, bytes.length);
    if (block.length > MAX_BLOCK_SIZE) {
      throw new IpfsException(Kind.TOO_LARGE, "CAR section " + section + ": block " + cid + " is " + block.length
          + " bytes, the limit is " + MAX_BLOCK_SIZE);
    }
    if (!cid.matches(block)) {
      throw new IpfsException(Kind.CORRUPT_BLOCK, "CAR section " + section + ": the block does not hash to its id "
          + cid);
    }
    sink.put(cid, block);
    return true;
  }

  private static IpfsException truncated(long section, String inside, int got, long length) {
    return new IpfsException(Kind.INVALID_DATA, "CAR stream is truncated inside " + inside + " (section "
        + section + ", " + got + " of " + length + " bytes)");
  }
}
