package io.citrate.store.api;

import org.osgi.annotation.versioning.ConsumerType;

/** Receives the entries of a scan in order; the arrays are fresh copies the visitor may keep. */
@ConsumerType
@FunctionalInterface
public interface EntryVisitor {
  /** Returns whether the scan should go on to the next entry. */
  boolean visit(byte[] key, byte[] value);
}
