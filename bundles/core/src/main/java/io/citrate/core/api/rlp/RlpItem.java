package io.citrate.core.api.rlp;

/** A decoded RLP value: a byte string ({@link RlpString}) or a list of items ({@link RlpList}). */
public sealed interface RlpItem permits RlpString, RlpList {

  /** This item's canonical encoding. */
  byte[] encode();
}
