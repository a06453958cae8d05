package io.citrate.core.api.trie;

/** A Merkle proof does not prove the presence or absence of its key under the claimed root. */
public final class InvalidTrieProofException extends TrieException {
  private static final long serialVersionUID = 1L;

  public InvalidTrieProofException(String message, Throwable cause) {
    super(message, cause);
  }
}
