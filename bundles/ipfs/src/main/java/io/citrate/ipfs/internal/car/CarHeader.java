package io.citrate.ipfs.internal.car;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CAR v1 header, a DAG-CBOR map {@code {"roots": [CID…], "version": 1}}, and the strict subset of DAG-CBOR it
 * needs: unsigned integers, text strings, arrays, maps with text keys in canonical order (shorter first, then by
 * bytes), and links (tag 42 over a byte string holding 0x00 and the binary CID). Lengths are definite and integers
 * minimally encoded, as DAG-CBOR demands; anything else is refused as INVALID_DATA.
 */
final class CarHeader {
  private static final int UNSIGNED = 0;
  private static final int BYTES = 2;
  private static final int TEXT = 3;
  private static final int ARRAY = 4;
  private static final int MAP = 5;
  private static final int TAG = 6;
  private static final int LINK_TAG = 42;
  private static final int MAX_NESTING = 8;

  private CarHeader() {}

  /** The DAG-CBOR bytes of a version 1 header naming {@code roots}. */
  static byte[] encode(List<Cid> roots) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 + 41 * roots.size());
    writeHead(out, MAP, 2);
    writeText(out, "roots");
    writeHead(out, ARRAY, roots.size());
    for (Cid root : roots) {
      byte[] cid = root.bytes();
      writeHead(out, TAG, LINK_TAG);
      writeHead(out, BYTES, cid.length + 1);
      out.write(0);
      out.write(cid, 0, cid.length);
    }
    writeText(out, "version");
    writeHead(out, UNSIGNED, 1);
    return out.toByteArray();
  }

  /** The roots of a header, which must be a version 1 CAR header and fill {@code bytes} exactly. */
  static List<Cid> decode(byte[] bytes) {
    Decoder decoder = new Decoder(bytes);
    Object value = decoder.value(0);
    if (decoder.position != bytes.length) {
      throw invalid((bytes.length - decoder.position) + " stray bytes after the DAG-CBOR map");
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw invalid("it is not a DAG-CBOR map");
    }
    Object version = map.get("version");
    if (!(version instanceof Long number)) {
      throw invalid("no integer 'version'");
    }
    if (number != 1) {
      throw invalid("CAR version " + number + " is not supported; only CAR v1 is read");
    }
    if (map.size() != 2 || !(map.get("roots") instanceof List<?> roots)) {
      throw invalid("a CAR v1 header holds exactly 'roots' (an array of links) and 'version'");
    }
    List<Cid> cids = new ArrayList<>(roots.size());
    for (Object root : roots) {
      if (!(root instanceof Cid cid)) {
        throw invalid("a root is not a link (tag 42)");
      }
      cids.add(cid);
    }
    return List.copyOf(cids);
  }

  private static IpfsException invalid(String why) {
    return new IpfsException(Kind.INVALID_DATA, "CAR header: " + why);
  }

  private static void writeText(ByteArrayOutputStream out, String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    writeHead(out, TEXT, utf8.length);
    out.write(utf8, 0, utf8.length);
  }

  /** A major type and its argument, in the shortest form. */
  private static void writeHead(ByteArrayOutputStream out, int majorType, long argument) {
    int type = majorType << 5;
    if (argument < 24) {
      out.write(type | (int) argument);
    } else if (argument < 0x100) {
      out.write(type | 24);
      out.write((int) argument);
    } else if (argument < 0x10000) {
      out.write(type | 25);
      writeBigEndian(out, argument, 2);
    } else if (argument < 0x100000000L) {
      out.write(type | 26);
      writeBigEndian(out, argument, 4);
    } else {
      out.write(type | 27);
      writeBigEndian(out, argument, 8);
    }
  }

  private static void writeBigEndian(ByteArrayOutputStream out, long value, int bytes) {
    for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8) {
      out.write((int) (value >>> shift) & 0xFF);
    }
  }

  /** Reads the subset: Long, String, List, Map (insertion ordered) and Cid values. */
  private static final class Decoder {
    private final byte[] bytes;
    private int position;

    Decoder(byte[] bytes) {
      this.bytes = bytes;
    }

    Object value(int nesting) {
      if (nesting > MAX_NESTING) {
        throw invalid("nested deeper than " + MAX_NESTING + " levels");
      }
      int initial = nextByte();
      int majorType = initial >>> 5;
      long argument = argument(initial & 31);
      switch (majorType) {
        case UNSIGNED:
          if (argument < 0) {
            throw invalid("integer beyond 2^63 - 1");
          }
          return argument;
        case TEXT:
          return text(argument);
        case ARRAY: {
          int count = count(argument, 1);
          List<Object> items = new ArrayList<>(count);
          for (int index = 0; index < count; index++) {
            items.add(value(nesting + 1));
          }
          return items;
        }
        case MAP: {
          int count = count(argument, 2);
          Map<String, Object> entries = new LinkedHashMap<>();
          byte[] previousKey = null;
          for (int index = 0; index < count; index++) {
            int keyInitial = nextByte();
            if (keyInitial >>> 5 != TEXT) {
              throw invalid("a map key is not a text string");
            }
            String key = text(argument(keyInitial & 31));
            byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
            if (previousKey != null && compareCanonically(previousKey, keyBytes) >= 0) {
              throw invalid("map keys are repeated or not in canonical order");
            }
            previousKey = keyBytes;
            entries.put(key, value(nesting + 1));
          }
          return entries;
        }
        case TAG:
          if (argument != LINK_TAG) {
            throw invalid("tag " + argument + " is not allowed (only 42, a link)");
          }
          return link();
        default:
          throw invalid("CBOR major type " + majorType + " is not allowed in a CAR header");
      }
    }

    /** The CID of a tag 42: a byte string of 0x00 (the identity multibase) and the binary CID. */
    private Cid link() {
      int initial = nextByte();
      if (initial >>> 5 != BYTES) {
        throw invalid("tag 42 does not hold a byte string");
      }
      int length = count(argument(initial & 31), 1);
      if (length < 1 || bytes[position] != 0) {
        throw invalid("a link does not start with the 0x00 multibase prefix");
      }
      byte[] cid = Arrays.copyOfRange(bytes, position + 1, position + length);
      position += length;
      try {
        return Cid.decode(cid);
      } catch (IpfsException e) {
        throw new IpfsException(Kind.INVALID_DATA, "CAR header: a root is not a valid CID: " + e.getMessage(), e);
      }
    }

    private String text(long length) {
      int count = count(length, 1);
      try {
        String text = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes, position, count)).toString();
        position += count;
        return text;
      } catch (CharacterCodingException e) {
        throw new IpfsException(Kind.INVALID_DATA, "CAR header: a text string is not valid UTF-8", e);
      }
    }

    /** A length that must fit in what is left, each item taking at least {@code minimumItemBytes}. */
    private int count(long length, int minimumItemBytes) {
      if (length < 0 || length > (bytes.length - position) / minimumItemBytes) {
        throw invalid("a length of " + Long.toUnsignedString(length) + " runs past the end of the header");
      }
      return (int) length;
    }

    private long argument(int additional) {
      if (additional < 24) {
        return additional;
      }
      int size = switch (additional) {
        case 24 -> 1;
        case 25 -> 2;
        case 26 -> 4;
        case 27 -> 8;
        default -> throw invalid(additional == 31 ? "indefinite lengths are not allowed in DAG-CBOR"
            : "reserved CBOR additional information " + additional);
      };
      if (bytes.length - position < size) {
        throw invalid("truncated inside a CBOR integer");
      }
      long value = 0;
      for (int index = 0; index < size; index++) {
        value = (value << 8) | (bytes[position++] & 0xFF);
      }
      long minimum = size == 1 ? 24 : 1L << (4 * size);
      if (Long.compareUnsigned(value, minimum) < 0) {
        throw invalid("an integer is not minimally encoded");
      }
      return value;
    }

    private int nextByte() {
      if (position >= bytes.length) {
        throw invalid("truncated");
      }
      return bytes[position++] & 0xFF;
    }
  }

  /** DAG-CBOR's key order: shorter keys first, equal lengths by their bytes. */
  private static int compareCanonically(byte[] left, byte[] right) {
    if (left.length != right.length) {
      return Integer.compare(left.length, right.length);
    }
    return Arrays.compareUnsigned(left, right);
  }
}
