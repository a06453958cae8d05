package io.citrate.consensus.internal.proposer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.consensus.api.SlotInput;
import io.citrate.core.api.Hash;
import io.citrate.core.api.vrf.Ecvrf;
import io.citrate.core.api.vrf.InvalidVrfProofException;
import io.citrate.core.api.vrf.VrfPrivateKey;
import org.junit.jupiter.api.Test;

class SpeculativeProofTest {
  private static final VrfPrivateKey KEY = VrfPrivateKey.fromHex("0x" + "31".repeat(32));
  private static final VrfPrivateKey OTHER_KEY = VrfPrivateKey.fromHex("0x" + "32".repeat(32));
  private static final SlotInput GUESSED = new SlotInput(7, Hash.ZERO, 5);
  private static final SlotInput ACTUAL = new SlotInput(7, Hash.wrap(new byte[] {
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
      30, 31, 32}), 5);

  @Test
  void answersTheQuestionItWasVerifiedFor() {
    byte[] proof = GUESSED.prove(KEY).proof().toBytes();
    SpeculativeProof ahead = SpeculativeProof.verify(KEY.publicKey(), GUESSED, proof);

    assertThat(ahead.orElseVerify(proof).verify(KEY.publicKey(), GUESSED))
        .isEqualTo(Hash.wrap(Ecvrf.proofToHash(GUESSED.prove(KEY).proof())));
  }

  @Test
  void verifiesAnotherInputOrKeyOnTheSpot() {
    byte[] proof = ACTUAL.prove(KEY).proof().toBytes();
    // Verified on the wrong guess, the proof fails; asked about the real input, it holds.
    SpeculativeProof ahead = SpeculativeProof.verify(KEY.publicKey(), GUESSED, proof);

    assertThat(ahead.orElseVerify(proof).verify(KEY.publicKey(), ACTUAL))
        .isEqualTo(Hash.wrap(Ecvrf.proofToHash(ACTUAL.prove(KEY).proof())));
    assertThatThrownBy(() -> ahead.orElseVerify(proof).verify(OTHER_KEY.publicKey(), ACTUAL))
        .isInstanceOf(InvalidVrfProofException.class);
  }

  @Test
  void keepsTheFailureOfAnInvalidProof() {
    byte[] proof = GUESSED.prove(OTHER_KEY).proof().toBytes();
    SpeculativeProof ahead = SpeculativeProof.verify(KEY.publicKey(), GUESSED, proof);

    assertThatThrownBy(() -> ahead.orElseVerify(proof).verify(KEY.publicKey(), GUESSED))
        .isInstanceOf(InvalidVrfProofException.class);
    assertThatThrownBy(() -> SpeculativeProof.verify(KEY.publicKey(), GUESSED, new byte[3])
        .orElseVerify(new byte[3]).verify(KEY.publicKey(), GUESSED)).isInstanceOf(InvalidVrfProofException.class);
  }
}
