package io.citrate.consensus.internal.reachability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReindexParametersTest {

  @Test
  void defaultsAreKaspas() {
    assertThat(ReindexParameters.DEFAULT).isEqualTo(new ReindexParameters(100, 4096));
  }

  @Test
  void refusesAZeroDepthAndASlackOutsideItsRange() {
    assertThatThrownBy(() -> new ReindexParameters(0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reindex depth must be positive: 0");
    assertThatThrownBy(() -> new ReindexParameters(1, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reindex slack must be in [0, 2^32]: -1");
    assertThatThrownBy(() -> new ReindexParameters(1, ReindexParameters.MAX_SLACK + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new ReindexParameters(1, ReindexParameters.MAX_SLACK).slack()).isEqualTo(1L << 32);
  }
}
