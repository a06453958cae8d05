package io.citrate.ipfs.internal.dag;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.internal.dag.Varint.Cursor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A dag-pb node: links and an optional data field. {@link #encode} writes the canonical form (every link, in
 * order, before the data; within a link Hash, Name, Tsize), which is what content ids are computed over.
 * {@link #decode} accepts exactly the dag-pb schema (fields 1 and 2 of PBNode, 1 to 3 of PBLink, each with its wire
 * type, no field twice) and nothing else.
 */
public final class PbNode {
  private static final int LINK_HASH = 1;
  private static final int LINK_NAME = 2;
  private static final int LINK_TSIZE = 3;
  private static final int NODE_DATA = 1;
  private static final int NODE_LINKS = 2;

  private final List<PbLink> links;
  private final byte[] data;

  /** {@code data} null when the field is absent; empty when present and empty. */
  public PbNode(List<PbLink> links, byte[] data) {
    this.links = List.copyOf(links);
    this.data = data == null ? null : data.clone();
  }

  public List<PbLink> links() {
    return links;
  }

  /** The data field, a copy; null when absent. */
  public byte[] data() {
    return data == null ? null : data.clone();
  }

  public boolean hasData() {
    return data != null;
  }

  public byte[] encode() {
    int size = 0;
    int[] linkSizes = new int[links.size()];
    byte[][] names = new byte[links.size()][];
    for (int index = 0; index < links.size(); index++) {
      PbLink link = links.get(index);
      int linkSize = Protobuf.delimitedSize(LINK_HASH, link.cid().byteLength());
      if (link.name() != null) {
        names[index] = link.name().getBytes(StandardCharsets.UTF_8);
        linkSize += Protobuf.delimitedSize(LINK_NAME, names[index].length);
      }
      if (link.hasSize()) {
        linkSize += Protobuf.varintFieldSize(LINK_TSIZE, link.size());
      }
      linkSizes[index] = linkSize;
      size += Protobuf.delimitedSize(NODE_LINKS, linkSize);
    }
    if (data != null) {
      size += Protobuf.delimitedSize(NODE_DATA, data.length);
    }
    byte[] out = new byte[size];
    int offset = 0;
    for (int index = 0; index < links.size(); index++) {
      PbLink link = links.get(index);
      offset = Varint.write(Protobuf.tag(NODE_LINKS, Protobuf.LENGTH_DELIMITED), out, offset);
      offset = Varint.write(linkSizes[index], out, offset);
      byte[] cid = link.cid().bytes();
      offset = Varint.write(Protobuf.tag(LINK_HASH, Protobuf.LENGTH_DELIMITED), out, offset);
      offset = Varint.write(cid.length, out, offset);
      System.arraycopy(cid, 0, out, offset, cid.length);
      offset += cid.length;
      if (names[index] != null) {
        offset = Varint.write(Protobuf.tag(LINK_NAME, Protobuf.LENGTH_DELIMITED), out, offset);
        offset = Varint.write(names[index].length, out, offset);
        System.arraycopy(names[index], 0, out, offset, names[index].length);
        offset += names[index].length;
      }
      if (link.hasSize()) {
        offset = Varint.write(Protobuf.tag(LINK_TSIZE, Protobuf.VARINT), out, offset);
        offset = Varint.write(link.size(), out, offset);
      }
    }
    if (data != null) {
      offset = Varint.write(Protobuf.tag(NODE_DATA, Protobuf.LENGTH_DELIMITED), out, offset);
      offset = Varint.write(data.length, out, offset);
      System.arraycopy(data, 0, out, offset, data.length);
    }
    return out;
  }

  /** Parses a dag-pb block; an {@link IpfsException} INVALID_DATA says what is malformed. */
  public static PbNode decode(byte[] block) {
    List<PbLink> links = new ArrayList<>();
    byte[] data = null;
    Cursor cursor = new Cursor(0);
    while (cursor.position < block.length) {
      long tag = Varint.readProtobuf(block, cursor, "dag-pb node");
      if (tag == Protobuf.tag(NODE_LINKS, Protobuf.LENGTH_DELIMITED)) {
        if (data != null) {
          throw new IpfsException(Kind.INVALID_DATA, "dag-pb node has links after its data");
        }
        int[] span = Protobuf.readDelimited(block, cursor, "dag-pb link");
        links.add(decodeLink(block, span[0], span[1]));
      } else if (tag == Protobuf.tag(NODE_DATA, Protobuf.LENGTH_DELIMITED)) {
        if (data != null) {
          throw new IpfsException(Kind.INVALID_DATA, "dag-pb node has two data fields");
        }
        int[] span = Protobuf.readDelimited(block, cursor, "dag-pb data");
        data = Arrays.copyOfRange(block, span[0], span[0] + span[1]);
      } else {
        throw new IpfsException(Kind.INVALID_DATA, "dag-pb node has an unexpected field (tag " + tag + ")");
      }
    }
    return new PbNode(links, data);
  }

  private static PbLink decodeLink(byte[] block, int start, int length) {
    Cid cid = null;
    String name = null;
    long size = PbLink.UNKNOWN_SIZE;
    int lastField = 0;
    byte[] link = Arrays.copyOfRange(block, start, start + length);
    Cursor cursor = new Cursor(0);
    while (cursor.position < link.length) {
      long tag = Varint.readProtobuf(link, cursor, "dag-pb link");
      int field = (int) (tag >>> 3);
      if (field <= lastField) {
        throw new IpfsException(Kind.INVALID_DATA, "dag-pb link fields out of order or repeated");
      }
      lastField = field;
      if (tag == Protobuf.tag(LINK_HASH, Protobuf.LENGTH_DELIMITED)) {
        int[] span = Protobuf.readDelimited(link, cursor, "dag-pb link hash");
        try {
          cid = Cid.decode(Arrays.copyOfRange(link, span[0], span[0] + span[1]));
        } catch (IpfsException e) {
          throw new IpfsException(Kind.INVALID_DATA, "dag-pb link hash: " + e.getMessage(), e);
        }
      } else if (tag == Protobuf.tag(LINK_NAME, Protobuf.LENGTH_DELIMITED)) {
        int[] span = Protobuf.readDelimited(link, cursor, "dag-pb link name");
        name = Protobuf.utf8(link, span[0], span[1], "dag-pb link name");
      } else if (tag == Protobuf.tag(LINK_TSIZE, Protobuf.VARINT)) {
        size = Varint.readProtobuf(link, cursor, "dag-pb link size");
        if (size < 0) {
          throw new IpfsException(Kind.INVALID_DATA, "dag-pb link size exceeds 2^63 - 1");
        }
      } else {
        throw new IpfsException(Kind.INVALID_DATA, "dag-pb link has an unexpected field (tag " + tag + ")");
      }
    }
    if (cid == null) {
      throw new IpfsException(Kind.INVALID_DATA, "dag-pb link without a hash");
    }
    return new PbLink(cid, name, size);
  }
}
