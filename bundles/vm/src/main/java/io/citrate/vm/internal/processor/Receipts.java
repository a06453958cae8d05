package io.citrate.vm.internal.processor;

import io.citrate.core.api.Hash;
import io.citrate.core.api.rlp.Rlp;
import io.citrate.core.api.trie.MerklePatriciaTrie;
import io.citrate.vm.api.TransactionReceipt;
import java.util.List;

/** What a block header commits to about its receipts. */
public final class Receipts {
  private Receipts() {}

  /** Root of the trie mapping RLP of each receipt's index to its encoding, as Ethereum headers carry it. */
  public static Hash root(List<TransactionReceipt> receipts) {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty();
    for (int i = 0; i < receipts.size(); i++) {
      trie.put(Rlp.encodeLong(i), receipts.get(i).encode());
    }
    return trie.rootHash();
  }

  /** The union of the receipts' blooms. */
  public static byte[] bloom(List<TransactionReceipt> receipts) {
    byte[] bloom = new byte[LogsBloom.SIZE];
    for (TransactionReceipt receipt : receipts) {
      byte[] other = receipt.logsBloom();
      for (int i = 0; i < bloom.length; i++) {
        bloom[i] |= other[i];
      }
    }
    return bloom;
  }
}
