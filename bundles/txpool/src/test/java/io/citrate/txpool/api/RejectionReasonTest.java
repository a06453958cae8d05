package io.citrate.txpool.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.core.api.tx.TransactionInvalidReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RejectionReasonTest {

  @ParameterizedTest
  @EnumSource(TransactionInvalidReason.class)
  void everyStaticRuleMapsToAReason(TransactionInvalidReason reason) {
    assertThat(RejectionReason.of(reason)).isNotNull();
  }

  @Test
  void signatureAndChainProblemsKeepTheirOwnReasons() {
    assertThat(RejectionReason.of(TransactionInvalidReason.INVALID_SIGNATURE)).isEqualTo(RejectionReason.BAD_SIGNATURE);
    assertThat(RejectionReason.of(TransactionInvalidReason.SENDER_NOT_RECOVERABLE))
        .isEqualTo(RejectionReason.BAD_SIGNATURE);
    assertThat(RejectionReason.of(TransactionInvalidReason.WRONG_CHAIN_ID)).isEqualTo(RejectionReason.WRONG_CHAIN_ID);
    assertThat(RejectionReason.of(TransactionInvalidReason.INTRINSIC_GAS_TOO_LOW))
        .isEqualTo(RejectionReason.INTRINSIC_GAS);
    assertThat(RejectionReason.of(TransactionInvalidReason.MALFORMED_ENCODING)).isEqualTo(RejectionReason.MALFORMED);
    assertThat(RejectionReason.of(TransactionInvalidReason.TOO_MANY_BLOBS)).isEqualTo(RejectionReason.UNSUPPORTED_TYPE);
  }

  @ParameterizedTest
  @EnumSource(RejectionReason.class)
  void everyReasonHasADescription(RejectionReason reason) {
    assertThat(reason.description()).isNotBlank();
    Admission.Rejected rejected = Admission.Rejected.of(null, reason, "detail");
    assertThat(rejected.message()).isEqualTo(reason.description() + ": detail");
    assertThat(rejected.isAccepted()).isFalse();
  }
}
