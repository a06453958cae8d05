/**
 * The Ethereum Merkle Patricia Trie (Yellow Paper, appendix D): a hexary radix trie whose root hash
 * commits to every key/value pair. {@link io.citrate.core.api.trie.MerklePatriciaTrie} keys by raw
 * bytes, {@link io.citrate.core.api.trie.SecureTrie} by their Keccak-256 hash as Ethereum's state and
 * storage tries do. Nodes persist through a {@link io.citrate.core.api.trie.TrieNodeStore}, keyed by the
 * hash of their RLP encoding.
 */
@Export
@Version("0.1.0")
package io.citrate.core.api.trie;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
