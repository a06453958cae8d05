package io.citrate.ipfs.internal.dag;

import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.internal.dag.Varint.Cursor;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * The UnixFS {@code Data} message a dag-pb node carries in its data field: the node's type, file bytes, the file
 * size, the sizes of the children's file bytes, and for a HAMT shard the hash function and fanout. Absent optional
 * fields are null (or an empty {@code blockSizes}); {@link #encode} writes the present ones in field order, as Kubo
 * does, with {@code blocksizes} unpacked. Mode and mtime are read and kept but Kubo's defaults never write them.
 */
public record UnixFsData(Type type, byte[] data, Long fileSize, long[] blockSizes, Long hashType, Long fanout,
    Integer mode, Long mtimeSeconds, Integer mtimeNanos) {

  /** The node types of UnixFS, with their protobuf numbers. */
  public enum Type {
    RAW(0), DIRECTORY(1), FILE(2), METADATA(3), SYMLINK(4), HAMT_SHARD(5);

    private final int number;

    Type(int number) {
      this.number = number;
    }

    public int number() {
      return number;
    }

    static Type of(long number) {
      for (Type type : values()) {
        if (type.number == number) {
          return type;
        }
      }
      throw new IpfsException(Kind.INVALID_DATA, "unknown UnixFS node type " + number);
    }
  }

  private static final int TYPE = 1;
  private static final int DATA = 2;
  private static final int FILE_SIZE = 3;
  private static final int BLOCK_SIZES = 4;
  private static final int HASH_TYPE = 5;
  private static final int FANOUT = 6;
  private static final int MODE = 7;
  private static final int MTIME = 8;

  public UnixFsData {
    if (type == null) {
      throw new IllegalArgumentException("a UnixFS node needs a type");
    }
    data = data == null ? null : data.clone();
    blockSizes = blockSizes == null ? new long[0] : blockSizes.clone();
  }

  /** A file leaf or a whole small file: its bytes and size. */
  public static UnixFsData fileLeaf(byte[] chunk) {
    return new UnixFsData(Type.FILE, chunk.length == 0 ? null : chunk, (long) chunk.length, null, null, null,
        null, null, null);
  }

  /** An inner file node: total size and each child's file bytes. */
  public static UnixFsData fileNode(long fileSize, long[] blockSizes) {
    return new UnixFsData(Type.FILE, null, fileSize, blockSizes, null, null, null, null, null);
  }

  public static UnixFsData directory() {
    return new UnixFsData(Type.DIRECTORY, null, null, null, null, null, null, null, null);
  }

  /** A HAMT shard node: its occupancy bitfield, hash function (murmur3-x64-64, 0x22) and fanout. */
  public static UnixFsData hamtShard(byte[] bitfield, long hashType, long fanout) {
    return new UnixFsData(Type.HAMT_SHARD, bitfield, null, null, hashType, fanout, null, null, null);
  }

  @Override
  public byte[] data() {
    return data == null ? null : data.clone();
  }

  @Override
  public long[] blockSizes() {
    return blockSizes.clone();
  }

  /** Length of the data field without copying it; 0 when absent. */
  public int dataLength() {
    return data == null ? 0 : data.length;
  }

  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 + dataLength() + 10 * blockSizes.length);
    varintField(out, TYPE, type.number);
    if (data != null) {
      Varint.write(Protobuf.tag(DATA, Protobuf.LENGTH_DELIMITED), out);
      Varint.write(data.length, out);
      out.write(data, 0, data.length);
    }
    if (fileSize != null) {
      varintField(out, FILE_SIZE, fileSize);
    }
    for (long blockSize : blockSizes) {
      varintField(out, BLOCK_SIZES, blockSize);
    }
    if (hashType != null) {
      varintField(out, HASH_TYPE, hashType);
    }
    if (fanout != null) {
      varintField(out, FANOUT, fanout);
    }
    if (mode != null) {
      varintField(out, MODE, mode & 0xFFFFFFFFL);
    }
    if (mtimeSeconds != null) {
      ByteArrayOutputStream mtime = new ByteArrayOutputStream(16);
      varintField(mtime, 1, mtimeSeconds);
      if (mtimeNanos != null) {
        Varint.write(Protobuf.tag(2, Protobuf.FIXED32), mtime);
        for (int shift = 0; shift < 32; shift += 8) {
          mtime.write((mtimeNanos >>> shift) & 0xFF);
        }
      }
      Varint.write(Protobuf.tag(MTIME, Protobuf.LENGTH_DELIMITED), out);
      Varint.write(mtime.size(), out);
      out.writeBytes(mtime.toByteArray());
    }
    return out.toByteArray();
  }

  private static void varintField(ByteArrayOutputStream out, int field, long value) {
    Varint.write(Protobuf.tag(field, Protobuf.VARINT), out);
    Varint.write(value, out);
  }

  /** Parses a UnixFS Data message; an {@link IpfsException} INVALID_DATA says what is malformed. */
  public static UnixFsData decode(byte[] bytes) {
    if (bytes == null) {
      throw new IpfsException(Kind.INVALID_DATA, "dag-pb node has no UnixFS data");
    }
    Type type = null;
    byte[] data = null;
    Long fileSize = null;
    long[] blockSizes = new long[0];
    int blockSizeCount = 0;
    Long hashType = null;
    Long fanout = null;
    Integer mode = null;
    Long mtimeSeconds = null;
    Integer mtimeNanos = null;
    Cursor cursor = new Cursor(0);
    while (cursor.position < bytes.length) {
      long tag = Varint.readProtobuf(bytes, cursor, "UnixFS data");
      int field = (int) (tag >>> 3);
      int wireType = (int) (tag & 7);
      if (field == BLOCK_SIZES && wireType == Protobuf.LENGTH_DELIMITED) {
        int[] span = Protobuf.readDelimited(bytes, cursor, "UnixFS blocksizes");
        Cursor packed = new Cursor(span[0]);
        byte[] slice = Arrays.copyOf(bytes, span[0] + span[1]);
        while (packed.position < slice.length) {
          blockSizes = append(blockSizes, blockSizeCount++, Varint.readProtobuf(slice, packed, "UnixFS blocksize"));
        }
        continue;
      }
      if (field == DATA || field == MTIME) {
        if (wireType != Protobuf.LENGTH_DELIMITED) {
          throw new IpfsException(Kind.INVALID_DATA, "UnixFS field " + field + " has wire type " + wireType);
        }
        int[] span = Protobuf.readDelimited(bytes, cursor, "UnixFS field " + field);
        if (field == DATA) {
          data = Arrays.copyOfRange(bytes, span[0], span[0] + span[1]);
        } else {
          long[] time = decodeTime(Arrays.copyOfRange(bytes, span[0], span[0] + span[1]));
          mtimeSeconds = time[0];
          mtimeNanos = time[1] < 0 ? null : (int) time[1];
        }
        continue;
      }
      if (wireType != Protobuf.VARINT) {
        throw new IpfsException(Kind.INVALID_DATA, "UnixFS field " + field + " has wire type " + wireType);
      }
      long value = Varint.readProtobuf(bytes, cursor, "UnixFS field " + field);
      switch (field) {
        case TYPE -> type = Type.of(value);
        case FILE_SIZE -> fileSize = value;
        case BLOCK_SIZES -> blockSizes = append(blockSizes, blockSizeCount++, value);
        case HASH_TYPE -> hashType = value;
        case FANOUT -> fanout = value;
        case MODE -> mode = (int) value;
        default -> throw new IpfsException(Kind.INVALID_DATA, "UnixFS data has an unexpected field " + field);
      }
    }
    if (type == null) {
      throw new IpfsException(Kind.INVALID_DATA, "UnixFS data without a type");
    }
    return new UnixFsData(type, data, fileSize, Arrays.copyOf(blockSizes, blockSizeCount), hashType, fanout, mode,
        mtimeSeconds, mtimeNanos);
  }

  private static long[] append(long[] values, int count, long value) {
    long[] grown = count < values.length ? values : Arrays.copyOf(values, Math.max(8, values.length * 2));
    grown[count] = value;
    return grown;
  }

  /** Seconds and nanoseconds (-1 when absent) of a UnixTime message. */
  private static long[] decodeTime(byte[] bytes) {
    long seconds = 0;
    long nanos = -1;
    Cursor cursor = new Cursor(0);
    while (cursor.position < bytes.length) {
      long tag = Varint.readProtobuf(bytes, cursor, "UnixFS mtime");
      if (tag == Protobuf.tag(1, Protobuf.VARINT)) {
        seconds = Varint.readProtobuf(bytes, cursor, "UnixFS mtime seconds");
      } else if (tag == Protobuf.tag(2, Protobuf.FIXED32)) {
        if (bytes.length - cursor.position < 4) {
          throw new IpfsException(Kind.INVALID_DATA, "UnixFS mtime nanoseconds run past the end");
        }
        nanos = 0;
        for (int shift = 0; shift < 32; shift += 8) {
          nanos |= (long) (bytes[cursor.position++] & 0xFF) << shift;
        }
      } else {
        throw new IpfsException(Kind.INVALID_DATA, "UnixFS mtime has an unexpected field (tag " + tag + ")");
      }
    }
    return new long[] {seconds, nanos};
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof UnixFsData that && type == that.type && Arrays.equals(data, that.data)
        && Objects.equals(fileSize, that.fileSize) && Arrays.equals(blockSizes, that.blockSizes)
        && Objects.equals(hashType, that.hashType) && Objects.equals(fanout, that.fanout)
        && Objects.equals(mode, that.mode) && Objects.equals(mtimeSeconds, that.mtimeSeconds)
        && Objects.equals(mtimeNanos, that.mtimeNanos);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, Arrays.hashCode(data), fileSize, Arrays.hashCode(blockSizes), hashType,
        fanout, mode, mtimeSeconds, mtimeNanos);
  }

  @Override
  public String toString() {
    return "UnixFsData[" + type + ", data " + dataLength() + " bytes, fileSize " + fileSize + ", "
        + blockSizes.length + " block sizes]";
  }
}
