package io.citrate.consensus.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.consensus.api.BlockRejectedException;
import io.citrate.consensus.api.ConsensusParameters;
import io.citrate.consensus.api.RuleViolation;
import io.citrate.core.api.Hash;
import io.citrate.core.api.block.BlockHeader;
import io.citrate.core.api.crypto.KeyPair;
import io.citrate.core.api.crypto.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderPreValidationTest {
  private static final KeyPair PRODUCER = KeyPair.of(PrivateKey.fromHex("0x" + "11".repeat(32)));
  private static final KeyPair STRANGER = KeyPair.of(PrivateKey.fromHex("0x" + "22".repeat(32)));
  private static final long NOW = 1_800_000_000_000L;
  private static final long TOLERANCE = 2_000;
  private static final ConsensusParameters PARAMETERS = ConsensusParameters.DEFAULT;

  private final HeaderPreValidation validation = new HeaderPreValidation(PARAMETERS, TOLERANCE, () -> NOW);

  @Test
  void acceptsAWellFormedSignedHeader() {
    assertThatCode(() -> validation.validate(header(parents(2), NOW).build().sign(PRODUCER.privateKey())))
        .doesNotThrowAnyException();
  }

  @Test
  void acceptsATimestampExactlyAtTheFutureBound() {
    assertThatCode(() -> validation.validate(header(parents(1), NOW + TOLERANCE).build().sign(PRODUCER.privateKey())))
        .doesNotThrowAnyException();
  }

  @Test
  void rejectsATimestampPastTheFutureBound() {
    BlockHeader header = header(parents(1), NOW + TOLERANCE + 1).build().sign(PRODUCER.privateKey());
    assertViolation(header, new RuleViolation.TimestampInFuture(NOW + TOLERANCE + 1, NOW + TOLERANCE));
  }

  @Test
  void rejectsAnUnsupportedVersion() {
    BlockHeader header = header(parents(1), NOW).version(BlockHeader.CURRENT_VERSION + 1).build()
        .sign(PRODUCER.privateKey());
    assertViolation(header, new RuleViolation.UnsupportedVersion(BlockHeader.CURRENT_VERSION + 1,
        BlockHeader.CURRENT_VERSION));
  }

  @Test
  void rejectsTooManyParents() {
    int tooMany = PARAMETERS.maxBlockParents() + 1;
    BlockHeader header = header(parents(tooMany), NOW).build().sign(PRODUCER.privateKey());
    assertViolation(header, new RuleViolation.TooManyParents(tooMany, PARAMETERS.maxBlockParents()));
  }

  @Test
  void rejectsAnUnsignedHeader() {
    assertViolation(header(parents(1), NOW).build(), new RuleViolation.MissingSignature());
  }

  @Test
  void rejectsAHeaderSignedBySomeoneElse() {
    BlockHeader header = header(parents(1), NOW).build().sign(STRANGER.privateKey());
    assertThatThrownBy(() -> validation.validate(header))
        .isInstanceOfSatisfying(BlockRejectedException.class, e -> {
          assertThat(e.violation()).isInstanceOf(RuleViolation.BadSignature.class);
          assertThat(e.getMessage()).contains(STRANGER.address().toString());
          assertThat(e.block()).isEqualTo(header.hash());
        });
  }

  @Test
  void refusesANegativeTolerance() {
    assertThatThrownBy(() -> new HeaderPreValidation(PARAMETERS, -1, () -> NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void assertViolation(BlockHeader header, RuleViolation expected) {
    assertThatThrownBy(() -> validation.validate(header))
        .isInstanceOfSatisfying(BlockRejectedException.class,
            e -> assertThat(e.violation()).isEqualTo(expected))
        .hasMessageContaining(expected.message());
  }

  private static BlockHeader.Builder header(List<Hash> parents, long timestamp) {
    return BlockHeader.builder()
        .parents(parents)
        .timestamp(timestamp)
        .gasLimit(30_000_000)
        .producer(PRODUCER.address())
        .vrfProof(new byte[81]);
  }

  private static List<Hash> parents(int count) {
    List<Hash> parents = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      byte[] bytes = new byte[32];
      bytes[31] = (byte) i;
      parents.add(Hash.wrap(bytes));
    }
    return parents;
  }
}
