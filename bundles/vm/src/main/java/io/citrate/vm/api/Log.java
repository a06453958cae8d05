package io.citrate.vm.api;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.rlp.Rlp;
import java.util.List;
import java.util.Objects;

/**
 * A log entry emitted by LOG0-LOG4.
 *
 * @param address the contract that emitted it
 * @param topics zero to four indexed topics
 * @param data the unindexed payload
 */
public record Log(Address address, List<Hash> topics, byte[] data) {
  public Log {
    Objects.requireNonNull(address, "address");
    topics = List.copyOf(topics);
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  /** {@code rlp([address, [topics...], data])}, as receipts and the logs hash carry it. */
  public byte[] encode() {
    byte[][] encodedTopics = new byte[topics.size()][];
    for (int i = 0; i < encodedTopics.length; i++) {
      encodedTopics[i] = Rlp.encodeBytes(topics.get(i).unsafeBytes());
    }
    return Rlp.encodeList(Rlp.encodeBytes(address.unsafeBytes()), Rlp.encodeList(encodedTopics), Rlp.encodeBytes(data));
  }
}
