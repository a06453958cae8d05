package io.citrate.store.api;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * An immutable AVL tree keyed by byte arrays in unsigned order. An update copies only the path it
 * touches, so every version stays readable: this is what gives {@link MemoryKeyValueStore} its
 * consistent reads and free snapshots. Keys and values handed in must not be modified afterwards.
 */
final class ByteKeyTree {
  static final ByteKeyTree EMPTY = new ByteKeyTree(null);

  private final Node root;

  private ByteKeyTree(Node root) {
    this.root = root;
  }

  long size() {
    return countOf(root);
  }

  /** Bytes held by keys and values. */
  long bytes() {
    return root == null ? 0 : root.bytes;
  }

  /** The stored array itself, or null; callers copy it before handing it out. */
  byte[] get(byte[] key) {
    Node node = root;
    while (node != null) {
      int order = Arrays.compareUnsigned(key, node.key);
      if (order == 0) {
        return node.value;
      }
      node = order < 0 ? node.left : node.right;
    }
    return null;
  }

  ByteKeyTree put(byte[] key, byte[] value) {
    return new ByteKeyTree(insert(root, key, value));
  }

  ByteKeyTree remove(byte[] key) {
    Node updated = delete(root, key);
    return updated == root ? this : new ByteKeyTree(updated);
  }

  /** Visits the entries of {@code range} in ascending order until the visitor returns false. */
  void scan(KeyRange range, EntryVisitor visitor) {
    Deque<Node> path = new ArrayDeque<>();
    for (Node node = root; node != null; ) {
      if (range.isAtOrAfterStart(node.key)) {
        path.push(node);
        node = node.left;
      } else {
        node = node.right;
      }
    }
    while (!path.isEmpty()) {
      Node next = path.pop();
      if (!range.isBeforeEnd(next.key) || !visitor.visit(next.key.clone(), next.value.clone())) {
        return;
      }
      for (Node node = next.right; node != null; node = node.left) {
        path.push(node);
      }
    }
  }

  /** Visits the entries of {@code range} in descending order until the visitor returns false. */
  void scanDescending(KeyRange range, EntryVisitor visitor) {
    Deque<Node> path = new ArrayDeque<>();
    for (Node node = root; node != null; ) {
      if (range.isBeforeEnd(node.key)) {
        path.push(node);
        node = node.right;
      } else {
        node = node.left;
      }
    }
    while (!path.isEmpty()) {
      Node next = path.pop();
      if (!range.isAtOrAfterStart(next.key) || !visitor.visit(next.key.clone(), next.value.clone())) {
        return;
      }
      for (Node node = next.left; node != null; node = node.right) {
        path.push(node);
      }
    }
  }

  private static Node insert(Node node, byte[] key, byte[] value) {
    if (node == null) {
      return Node.of(key, value, null, null);
    }
    int order = Arrays.compareUnsigned(key, node.key);
    if (order < 0) {
      return balance(node.key, node.value, insert(node.left, key, value), node.right);
    }
    if (order > 0) {
      return balance(node.key, node.value, node.left, insert(node.right, key, value));
    }
    return Node.of(node.key, value, node.left, node.right);
  }

  private static Node delete(Node node, byte[] key) {
    if (node == null) {
      return null;
    }
    int order = Arrays.compareUnsigned(key, node.key);
    if (order < 0) {
      Node left = delete(node.left, key);
      return left == node.left ? node : balance(node.key, node.value, left, node.right);
    }
    if (order > 0) {
      Node right = delete(node.right, key);
      return right == node.right ? node : balance(node.key, node.value, node.left, right);
    }
    if (node.left == null) {
      return node.right;
    }
    if (node.right == null) {
      return node.left;
    }
    Node successor = node.right;
    while (successor.left != null) {
      successor = successor.left;
    }
    return balance(successor.key, successor.value, node.left, deleteFirst(node.right));
  }

  private static Node deleteFirst(Node node) {
    if (node.left == null) {
      return node.right;
    }
    return balance(node.key, node.value, deleteFirst(node.left), node.right);
  }

  /** Rebuilds a node whose subtrees differ in height by at most two, restoring the AVL invariant. */
  private static Node balance(byte[] key, byte[] value, Node left, Node right) {
    int skew = heightOf(left) - heightOf(right);
    if (skew > 1) {
      if (heightOf(left.left) >= heightOf(left.right)) {
        return Node.of(left.key, left.value, left.left, Node.of(key, value, left.right, right));
      }
      Node pivot = left.right;
      return Node.of(pivot.key, pivot.value,
          Node.of(left.key, left.value, left.left, pivot.left),
          Node.of(key, value, pivot.right, right));
    }
    if (skew < -1) {
      if (heightOf(right.right) >= heightOf(right.left)) {
        return Node.of(right.key, right.value, Node.of(key, value, left, right.left), right.right);
      }
      Node pivot = right.left;
      return Node.of(pivot.key, pivot.value,
          Node.of(key, value, left, pivot.left),
          Node.of(right.key, right.value, pivot.right, right.right));
    }
    return Node.of(key, value, left, right);
  }

  private static int heightOf(Node node) {
    return node == null ? 0 : node.height;
  }

  private static long countOf(Node node) {
    return node == null ? 0 : node.count;
  }

  private static long bytesOf(Node node) {
    return node == null ? 0 : node.bytes;
  }

  /** Height of the tree; for tests of the balance invariant. */
  int height() {
    return heightOf(root);
  }

  private record Node(byte[] key, byte[] value, Node left, Node right, int height, long count, long bytes) {
    static Node of(byte[] key, byte[] value, Node left, Node right) {
      return new Node(key, value, left, right,
          1 + Math.max(heightOf(left), heightOf(right)),
          1 + countOf(left) + countOf(right),
          key.length + value.length + bytesOf(left) + bytesOf(right));
    }
  }
}
