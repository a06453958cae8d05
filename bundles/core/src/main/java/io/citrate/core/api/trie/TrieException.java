package io.citrate.core.api.trie;

/** A trie node is missing from its store or is corrupt. The message names the node's hash and the problem. */
public class TrieException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TrieException(String message) {
    super(message);
  }

  public TrieException(String message, Throwable cause) {
    super(message, cause);
  }
}
