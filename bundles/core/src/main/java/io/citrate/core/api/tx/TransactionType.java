package io.citrate.core.api.tx;

import java.util.Optional;

/** Transaction types Citrate accepts, with their EIP-2718 type byte. */
public enum TransactionType {
  /** Untyped RLP list; replay protection by EIP-155 chain id in v, or none (v = 27/28). */
  LEGACY(0),
  /** EIP-2930: access list and explicit chain id. */
  ACCESS_LIST(1),
  /** EIP-1559: priority fee and fee cap instead of a gas price. */
  EIP1559(2),
  /** EIP-4844: carries versioned hashes of blobs and a blob fee cap; always a call, never a creation. */
  BLOB(3);

  private final int typeByte;

  TransactionType(int typeByte) {
    this.typeByte = typeByte;
  }

  /** The EIP-2718 type byte; 0 for legacy, which has none on the wire. */
  public int typeByte() {
    return typeByte;
  }

  /** The typed transaction with this type byte, if Citrate supports it (legacy has no type byte). */
  public static Optional<TransactionType> ofTypeByte(int typeByte) {
    return switch (typeByte) {
      case 1 -> Optional.of(ACCESS_LIST);
      case 2 -> Optional.of(EIP1559);
      case 3 -> Optional.of(BLOB);
      default -> Optional.empty();
    };
  }
}
