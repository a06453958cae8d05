package io.citrate.ipfs.internal.dag;

import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.internal.dag.Varint.Cursor;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The few protobuf wire rules dag-pb and UnixFS need: tags, varints, length-delimited fields, strict UTF-8. */
final class Protobuf {
  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LENGTH_DELIMITED = 2;
  static final int FIXED32 = 5;

  private Protobuf() {}

  static int tag(int field, int wireType) {
    return (field << 3) | wireType;
  }

  /** Bytes a length-delimited field of {@code length} bytes takes, tag included. */
  static int delimitedSize(int field, int length) {
    return Varint.size(tag(field, LENGTH_DELIMITED)) + Varint.size(length) + length;
  }

  static int varintFieldSize(int field, long value) {
    return Varint.size(tag(field, VARINT)) + Varint.size(value);
  }

  /** The bytes of a length-delimited field whose length varint is at the cursor; advances past them. */
  static int[] readDelimited(byte[] bytes, Cursor cursor, String what) {
    long length = Varint.readProtobuf(bytes, cursor, what);
    if (length < 0 || length > bytes.length - cursor.position) {
      throw new IpfsException(Kind.INVALID_DATA, what + ": field of " + length + " bytes runs past the end");
    }
    int start = cursor.position;
    cursor.position += (int) length;
    return new int[] {start, (int) length};
  }

  static String utf8(byte[] bytes, int offset, int length, String what) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, length)).toString();
    } catch (CharacterCodingException e) {
      throw new IpfsException(Kind.INVALID_DATA, what + " is not valid UTF-8", e);
    }
  }
}
