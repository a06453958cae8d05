package io.citrate.consensus.internal.pipeline;

import io.citrate.consensus.api.BlockRejectedException;
import io.citrate.consensus.api.ConsensusParameters;
import io.citrate.consensus.api.RuleViolation;
import io.citrate.core.api.Address;
import io.citrate.core.api.block.BlockHeader;
import io.citrate.core.api.crypto.InvalidSignatureException;
import io.citrate.core.api.crypto.Secp256k1;
import io.citrate.core.api.crypto.Signature;
import java.util.function.LongSupplier;

/**
 * Checks a header needs nothing else for: version, parent count, the future timestamp bound and the
 * producer's signature. They run first because they are cheap and reject most garbage before any store
 * is read. The clock is read only for the future bound, as Kaspa's pre-GHOSTDAG validation does.
 */
public final class HeaderPreValidation {
  private final ConsensusParameters parameters;
  private final long futureToleranceMillis;
  private final LongSupplier clockMillis;

  public HeaderPreValidation(ConsensusParameters parameters, long futureToleranceMillis, LongSupplier clockMillis) {
    if (futureToleranceMillis < 0) {
      throw new IllegalArgumentException("future tolerance is negative: " + futureToleranceMillis);
    }
    this.parameters = parameters;
    this.futureToleranceMillis = futureToleranceMillis;
    this.clockMillis = clockMillis;
  }

  /** Validates a non-genesis header, throwing on the first rule it breaks. */
  public void validate(BlockHeader header) throws BlockRejectedException {
    checkVersion(header);
    checkParentCount(header);
    checkTimestampNotInFuture(header);
    checkProducerSignature(header);
  }

  private void checkVersion(BlockHeader header) throws BlockRejectedException {
    if (header.version() != BlockHeader.CURRENT_VERSION) {
      throw reject(header, new RuleViolation.UnsupportedVersion(header.version(), BlockHeader.CURRENT_VERSION));
    }
  }

  private void checkParentCount(BlockHeader header) throws BlockRejectedException {
    int parents = header.parents().size();
    if (parents == 0) {
      throw reject(header, new RuleViolation.NoParents());
    }
    if (parents > parameters.maxBlockParents()) {
      throw reject(header, new RuleViolation.TooManyParents(parents, parameters.maxBlockParents()));
    }
  }

  private void checkTimestampNotInFuture(BlockHeader header) throws BlockRejectedException {
    long latestAccepted = saturatingAdd(clockMillis.getAsLong(), futureToleranceMillis);
    if (header.timestamp() > latestAccepted) {
      throw reject(header, new RuleViolation.TimestampInFuture(header.timestamp(), latestAccepted));
    }
  }

  private void checkProducerSignature(BlockHeader header) throws BlockRejectedException {
    Signature signature = header.signature()
        .orElseThrow(() -> reject(header, new RuleViolation.MissingSignature()));
    Address signer;
    try {
      signer = Secp256k1.recoverAddress(header.signingHash(), signature);
    } catch (InvalidSignatureException e) {
      throw reject(header, new RuleViolation.BadSignature(e.getMessage()));
    }
    if (!signer.equals(header.producer())) {
      throw reject(header, new RuleViolation.BadSignature("signed by " + signer + ", not by the producer "
          + header.producer()));
    }
  }

  private static BlockRejectedException reject(BlockHeader header, RuleViolation violation) {
    return new BlockRejectedException(header.hash(), violation);
  }

  private static long saturatingAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }
}
