package io.citrate.node.internal.execution;

import io.citrate.core.api.Hash;
import io.citrate.core.api.rlp.Rlp;
import io.citrate.core.api.trie.MerklePatriciaTrie;
import io.citrate.core.api.tx.Transaction;
import java.util.List;

/** What a header commits to about its body: Ethereum's transactions trie, keyed by RLP of each index. */
public final class TransactionsRoot {
  private TransactionsRoot() {}

  public static Hash of(List<Transaction> transactions) {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty();
    for (int i = 0; i < transactions.size(); i++) {
      trie.put(Rlp.encodeLong(i), transactions.get(i).encoded());
    }
    return trie.rootHash();
  }
}
