package io.citrate.core.api.trie;

import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.crypto.Keccak256;
import io.citrate.core.api.rlp.RlpException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The Ethereum Merkle Patricia Trie (Yellow Paper, appendix D), keyed by raw bytes. Values are opaque,
 * non-empty byte strings; putting an empty value removes the key.
 *
 * <p>Updates build new nodes along the changed path and share everything else, so {@link #rootHash()}
 * hashes only what changed since it was last called. A trie {@linkplain #load loaded} from a store reads
 * nodes on demand; {@link #commit} writes the nodes created since then. Every node read from a store is
 * checked against its hash, and a missing or corrupt node fails the operation with a {@link TrieException}
 * that leaves the trie unchanged.
 *
 * <p>Not thread-safe: confine an instance to one thread or guard it.
 */
public final class MerklePatriciaTrie {
  private static final TrieNodeStoreReader NO_NODES = hash -> Optional.empty();

  private final TrieNodeStoreReader store;
  /** The root node, or {@code null} for the empty trie. */
  private Node root;

  private MerklePatriciaTrie(Node root, TrieNodeStoreReader store) {
    this.root = root;
    this.store = store;
  }

  /** A new empty trie held in memory. */
  public static MerklePatriciaTrie empty() {
    return new MerklePatriciaTrie(null, NO_NODES);
  }

  /**
   * The trie whose root hash is {@code root}, reading its nodes from {@code store} as they are needed. Nothing
   * is read here: a missing root surfaces as a {@link TrieException} on first use.
   */
  public static MerklePatriciaTrie load(Hash root, TrieNodeStoreReader store) {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(store, "store");
    return new MerklePatriciaTrie(root.equals(Hash.EMPTY_TRIE_ROOT) ? null : new HashNode(root), store);
  }

  public boolean isEmpty() {
    return root == null;
  }

  /** Keccak-256 of the root node's encoding; {@link Hash#EMPTY_TRIE_ROOT} for the empty trie. */
  public Hash rootHash() {
    return root == null ? Hash.EMPTY_TRIE_ROOT : root.hash();
  }

  /** The value stored under {@code key}, or empty if there is none. */
  public Optional<byte[]> get(byte[] key) {
    byte[] path = Nibbles.fromBytes(key);
    int pos = 0;
    Node node = root;
    while (node != null) {
      node = resolve(node);
      if (node instanceof LeafNode leaf) {
        return Nibbles.equalsRest(path, pos, leaf.path) ? Optional.of(leaf.value.clone()) : Optional.empty();
      } else if (node instanceof ExtensionNode extension) {
        if (!Nibbles.startsWith(path, pos, extension.path)) {
          return Optional.empty();
        }
        pos += extension.path.length;
        node = extension.child;
      } else {
        BranchNode branch = (BranchNode) node;
        if (pos == path.length) {
          return branch.value == null ? Optional.empty() : Optional.of(branch.value.clone());
        }
        node = branch.children[path[pos++]];
      }
    }
    return Optional.empty();
  }

  /** Stores {@code value} under {@code key}, replacing any previous value; an empty value removes the key. */
  public void put(byte[] key, byte[] value) {
    Objects.requireNonNull(value, "value");
    if (value.length == 0) {
      remove(key);
      return;
    }
    root = insert(root, Nibbles.fromBytes(key), 0, value.clone());
  }

  /** Removes {@code key}; removing an absent key changes nothing. */
  public void remove(byte[] key) {
    root = delete(root, Nibbles.fromBytes(key), 0);
  }

  /**
   * Writes to {@code target} every node created since this trie was loaded or last committed whose encoding
   * is at least 32 bytes (smaller ones are embedded in their parent), and the root node whatever its size,
   * all in one {@link TrieNodeStore#putAll} call. Afterwards {@code load(rootHash(), target)} reproduces this
   * trie. Commit to the store the trie was loaded from, or to one that already holds its unchanged nodes.
   */
  public void commit(TrieNodeStore target) {
    if (root == null) {
      return;
    }
    Map<Hash, byte[]> nodes = new LinkedHashMap<>();
    List<Node> written = new ArrayList<>();
    collectUnpersisted(root, nodes, written);
    if (!(root instanceof HashNode) && !root.referencedByHash()) {
      nodes.put(root.hash(), root.encoding());
    }
    if (!nodes.isEmpty()) {
      target.putAll(nodes);
    }
    for (Node node : written) {
      node.markPersisted();
    }
  }

  /**
   * A Merkle proof for {@code key}: the encodings of the nodes referenced by hash on the path from the root
   * towards the key, root first. It proves the key's value, or its absence, to anyone who knows the root
   * hash; see {@link #verifyProof}. The empty trie's proof is empty.
   */
  public List<byte[]> proof(byte[] key) {
    byte[] path = Nibbles.fromBytes(key);
    List<byte[]> proof = new ArrayList<>();
    int pos = 0;
    Node node = root;
    boolean byHash = true;
    while (node != null) {
      node = resolve(node);
      if (byHash) {
        proof.add(node.encoding().clone());
      }
      Node next = null;
      if (node instanceof ExtensionNode extension) {
        if (Nibbles.startsWith(path, pos, extension.path)) {
          pos += extension.path.length;
          next = extension.child;
        }
      } else if (node instanceof BranchNode branch && pos < path.length) {
        next = branch.children[path[pos++]];
      }
      node = next;
      byHash = next != null && next.referencedByHash();
    }
    return proof;
  }

  /**
   * Checks a proof produced by {@link #proof} against {@code root}.
   *
   * @return the value proven for {@code key}, or empty if the proof shows that the key is absent
   * @throws InvalidTrieProofException if the proof lacks a node on the key's path or holds a malformed one
   */
  public static Optional<byte[]> verifyProof(Hash root, byte[] key, List<byte[]> proof) {
    Objects.requireNonNull(key, "key");
    MemoryTrieNodeStore nodes = new MemoryTrieNodeStore();
    for (byte[] node : proof) {
      nodes.put(Keccak256.hash(node), node);
    }
    try {
      return load(root, nodes).get(key);
    } catch (TrieException e) {
      throw new InvalidTrieProofException(
          "invalid proof for key " + Bytes.toHex(key) + " under root " + root + ": " + e.getMessage(), e);
    }
  }

  /** The smallest key strictly greater than {@code key} in unsigned byte order, or empty if there is none. */
  public Optional<byte[]> nextKey(byte[] key) {
    return Optional.ofNullable(next(root, Nibbles.EMPTY, Nibbles.fromBytes(key), 0)).map(this::toKey);
  }

  /** The greatest key strictly less than {@code key} in unsigned byte order, or empty if there is none. */
  public Optional<byte[]> previousKey(byte[] key) {
    return Optional.ofNullable(previous(root, Nibbles.EMPTY, Nibbles.fromBytes(key), 0)).map(this::toKey);
  }

  /** Calls {@code action} with every key and value, in ascending unsigned byte order of the keys. */
  public void forEach(BiConsumer<byte[], byte[]> action) {
    Objects.requireNonNull(action, "action");
    visit(root, Nibbles.EMPTY, action);
  }

  @Override
  public String toString() {
    return "MerklePatriciaTrie[" + rootHash() + "]";
  }

  private Node resolve(Node node) {
    if (!(node instanceof HashNode)) {
      return node;
    }
    Hash hash = node.hash();
    byte[] encoded = store.get(hash)
        .orElseThrow(() -> new TrieException("trie node " + hash + " is missing from the store"));
    if (!Keccak256.hash(encoded).equals(hash)) {
      throw new TrieException("trie node " + hash + " is corrupt: its content hashes to " + Keccak256.hash(encoded));
    }
    try {
      return NodeDecoder.decode(encoded, hash);
    } catch (RlpException e) {
      throw new TrieException("trie node " + hash + " is corrupt: " + e.getMessage(), e);
    }
  }

  // Updates return the node to put in place of `node`, the same instance if nothing changed, so an
  // unchanged subtree keeps its cached hash and an untouched HashNode is never replaced by its content.

  private Node insert(Node node, byte[] path, int pos, byte[] value) {
    if (node == null) {
      return new LeafNode(Arrays.copyOfRange(path, pos, path.length), value);
    }
    Node resolved = resolve(node);
    Node updated;
    if (resolved instanceof LeafNode leaf) {
      updated = insertAtLeaf(leaf, path, pos, value);
    } else if (resolved instanceof ExtensionNode extension) {
      updated = insertAtExtension(extension, path, pos, value);
    } else {
      updated = insertAtBranch((BranchNode) resolved, path, pos, value);
    }
    return updated == resolved ? node : updated;
  }

  private static Node insertAtLeaf(LeafNode leaf, byte[] path, int pos, byte[] value) {
    int common = Nibbles.commonPrefix(leaf.path, path, pos);
    int rest = path.length - pos;
    if (common == leaf.path.length && common == rest) {
      return Arrays.equals(leaf.value, value) ? leaf : new LeafNode(leaf.path, value);
    }
    Node[] children = new Node[BranchNode.WIDTH];
    byte[] branchValue = null;
    if (common == leaf.path.length) {
      branchValue = leaf.value;
    } else {
      children[leaf.path[common]] = new LeafNode(Arrays.copyOfRange(leaf.path, common + 1, leaf.path.length), leaf.value);
    }
    if (common == rest) {
      branchValue = value;
    } else {
      children[path[pos + common]] = new LeafNode(Arrays.copyOfRange(path, pos + common + 1, path.length), value);
    }
    return withPrefix(Arrays.copyOf(leaf.path, common), new BranchNode(children, branchValue));
  }

  private Node insertAtExtension(ExtensionNode extension, byte[] path, int pos, byte[] value) {
    int common = Nibbles.commonPrefix(extension.path, path, pos);
    if (common == extension.path.length) {
      Node child = insert(extension.child, path, pos + common, value);
      return child == extension.child ? extension : new ExtensionNode(extension.path, child);
    }
    Node[] children = new Node[BranchNode.WIDTH];
    byte[] branchValue = null;
    children[extension.path[common]] = common + 1 == extension.path.length
        ? extension.child
        : new ExtensionNode(Arrays.copyOfRange(extension.path, common + 1, extension.path.length), extension.child);
    if (common == path.length - pos) {
      branchValue = value;
    } else {
      children[path[pos + common]] = new LeafNode(Arrays.copyOfRange(path, pos + common + 1, path.length), value);
    }
    return withPrefix(Arrays.copyOf(extension.path, common), new BranchNode(children, branchValue));
  }

  private Node insertAtBranch(BranchNode branch, byte[] path, int pos, byte[] value) {
    if (pos == path.length) {
      return Arrays.equals(branch.value, value) ? branch : new BranchNode(branch.children, value);
    }
    int index = path[pos];
    Node child = insert(branch.children[index], path, pos + 1, value);
    if (child == branch.children[index]) {
      return branch;
    }
    Node[] children = branch.children.clone();
    children[index] = child;
    return new BranchNode(children, branch.value);
  }

  private static Node withPrefix(byte[] prefix, BranchNode branch) {
    return prefix.length == 0 ? branch : new ExtensionNode(prefix, branch);
  }

  private Node delete(Node node, byte[] path, int pos) {
    if (node == null) {
      return null;
    }
    Node resolved = resolve(node);
    Node updated;
    if (resolved instanceof LeafNode leaf) {
      updated = Nibbles.equalsRest(path, pos, leaf.path) ? null : leaf;
    } else if (resolved instanceof ExtensionNode extension) {
      updated = deleteBelowExtension(extension, path, pos);
    } else {
      updated = deleteAtBranch((BranchNode) resolved, path, pos);
    }
    return updated == resolved ? node : updated;
  }

  private Node deleteBelowExtension(ExtensionNode extension, byte[] path, int pos) {
    if (!Nibbles.startsWith(path, pos, extension.path)) {
      return extension;
    }
    Node child = delete(extension.child, path, pos + extension.path.length);
    return child == extension.child ? extension : prefixed(extension.path, child);
  }

  private Node deleteAtBranch(BranchNode branch, byte[] path, int pos) {
    if (pos == path.length) {
      return branch.value == null ? branch : collapse(branch.children, null);
    }
    int index = path[pos];
    Node child = delete(branch.children[index], path, pos + 1);
    if (child == branch.children[index]) {
      return branch;
    }
    Node[] children = branch.children.clone();
    children[index] = child;
    return collapse(children, branch.value);
  }

  /** The canonical node for a branch's content: a branch keeps at least two of its children and value. */
  private Node collapse(Node[] children, byte[] value) {
    int only = -1;
    int count = 0;
    for (int i = 0; i < children.length; i++) {
      if (children[i] != null) {
        only = i;
        count++;
      }
    }
    if (count == 0) {
      return value == null ? null : new LeafNode(Nibbles.EMPTY, value);
    }
    if (count == 1 && value == null) {
      return prefixed(new byte[] {(byte) only}, children[only]);
    }
    return new BranchNode(children, value);
  }

  /** {@code child} moved under {@code prefix}, merging paths so that no extension leads to a leaf or extension. */
  private Node prefixed(byte[] prefix, Node child) {
    if (child == null) {
      return null;
    }
    Node resolved = resolve(child);
    if (resolved instanceof LeafNode leaf) {
      return new LeafNode(Nibbles.concat(prefix, leaf.path), leaf.value);
    }
    if (resolved instanceof ExtensionNode extension) {
      return new ExtensionNode(Nibbles.concat(prefix, extension.path), extension.child);
    }
    return new ExtensionNode(prefix, child);
  }

  // Ordered search: `prefix` is the path from the root to `node`, which equals target[0, pos).

  private byte[] next(Node node, byte[] prefix, byte[] target, int pos) {
    if (node == null) {
      return null;
    }
    Node resolved = resolve(node);
    if (resolved instanceof LeafNode leaf) {
      byte[] key = Nibbles.concat(prefix, leaf.path);
      return Arrays.compare(key, target) > 0 ? key : null;
    }
    if (resolved instanceof ExtensionNode extension) {
      int order = compareSegment(extension.path, target, pos);
      if (order == 0) {
        return next(extension.child, Nibbles.concat(prefix, extension.path), target, pos + extension.path.length);
      }
      return order > 0 ? first(extension.child, Nibbles.concat(prefix, extension.path)) : null;
    }
    BranchNode branch = (BranchNode) resolved;
    int from = 0;
    if (pos < target.length) {
      int index = target[pos];
      byte[] found = next(branch.children[index], Nibbles.append(prefix, index), target, pos + 1);
      if (found != null) {
        return found;
      }
      from = index + 1;
    }
    for (int i = from; i < BranchNode.WIDTH; i++) {
      byte[] found = first(branch.children[i], Nibbles.append(prefix, i));
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private byte[] previous(Node node, byte[] prefix, byte[] target, int pos) {
    if (node == null || pos == target.length) {
      // Every key below here starts with the whole target, so none is smaller.
      return null;
    }
    Node resolved = resolve(node);
    if (resolved instanceof LeafNode leaf) {
      byte[] key = Nibbles.concat(prefix, leaf.path);
      return Arrays.compare(key, target) < 0 ? key : null;
    }
    if (resolved instanceof ExtensionNode extension) {
      int order = compareSegment(extension.path, target, pos);
      if (order == 0) {
        return previous(extension.child, Nibbles.concat(prefix, extension.path), target, pos + extension.path.length);
      }
      return order < 0 ? last(extension.child, Nibbles.concat(prefix, extension.path)) : null;
    }
    BranchNode branch = (BranchNode) resolved;
    int index = target[pos];
    byte[] found = previous(branch.children[index], Nibbles.append(prefix, index), target, pos + 1);
    for (int i = index - 1; found == null && i >= 0; i--) {
      found = last(branch.children[i], Nibbles.append(prefix, i));
    }
    return found != null || branch.value == null ? found : prefix;
  }

  /**
   * Compares {@code segment} with the target from {@code pos}: negative or positive where they first differ,
   * positive if the target ends inside the segment (longer keys sort after their prefix), zero if the
   * target continues through the whole segment.
   */
  private static int compareSegment(byte[] segment, byte[] target, int pos) {
    for (int i = 0; i < segment.length; i++) {
      if (pos + i == target.length) {
        return 1;
      }
      if (segment[i] != target[pos + i]) {
        return segment[i] - target[pos + i];
      }
    }
    return 0;
  }

  private byte[] first(Node node, byte[] prefix) {
    if (node == null) {
      return null;
    }
    Node resolved = resolve(node);
    if (resolved instanceof LeafNode leaf) {
      return Nibbles.concat(prefix, leaf.path);
    }
    if (resolved instanceof ExtensionNode extension) {
      return first(extension.child, Nibbles.concat(prefix, extension.path));
    }
    BranchNode branch = (BranchNode) resolved;
    if (branch.value != null) {
      return prefix;
    }
    for (int i = 0; i < BranchNode.WIDTH; i++) {
      byte[] found = first(branch.children[i], Nibbles.append(prefix, i));
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private byte[] last(Node node, byte[] prefix) {
    if (node == null) {
      return null;
    }
    Node resolved = resolve(node);
    if (resolved instanceof LeafNode leaf) {
      return Nibbles.concat(prefix, leaf.path);
    }
    if (resolved instanceof ExtensionNode extension) {
      return last(extension.child, Nibbles.concat(prefix, extension.path));
    }
    BranchNode branch = (BranchNode) resolved;
    for (int i = BranchNode.WIDTH - 1; i >= 0; i--) {
      byte[] found = last(branch.children[i], Nibbles.append(prefix, i));
      if (found != null) {
        return found;
      }
    }
    return branch.value != null ? prefix : null;
  }

  private void visit(Node node, byte[] prefix, BiConsumer<byte[], byte[]> action) {
    if (node == null) {
      return;
    }
    Node resolved = resolve(node);
    if (resolved instanceof LeafNode leaf) {
      action.accept(toKey(Nibbles.concat(prefix, leaf.path)), leaf.value.clone());
    } else if (resolved instanceof ExtensionNode extension) {
      visit(extension.child, Nibbles.concat(prefix, extension.path), action);
    } else {
      BranchNode branch = (BranchNode) resolved;
      if (branch.value != null) {
        action.accept(toKey(prefix), branch.value.clone());
      }
      for (int i = 0; i < BranchNode.WIDTH; i++) {
        visit(branch.children[i], Nibbles.append(prefix, i), action);
      }
    }
  }

  private byte[] toKey(byte[] path) {
    if ((path.length & 1) != 0) {
      throw new TrieException("trie under root " + rootHash() + " is corrupt: a value sits at an odd nibble depth");
    }
    return Nibbles.toBytes(path);
  }

  private static void collectUnpersisted(Node node, Map<Hash, byte[]> nodes, List<Node> written) {
    if (node == null || node.persisted()) {
      return;
    }
    if (node instanceof ExtensionNode extension) {
      collectUnpersisted(extension.child, nodes, written);
    } else if (node instanceof BranchNode branch) {
      for (Node child : branch.children) {
        collectUnpersisted(child, nodes, written);
      }
    }
    if (node.referencedByHash()) {
      nodes.put(node.hash(), node.encoding());
    }
    written.add(node);
  }
}
