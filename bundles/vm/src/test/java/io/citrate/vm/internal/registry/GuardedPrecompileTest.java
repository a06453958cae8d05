package io.citrate.vm.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.core.api.Address;
import io.citrate.core.api.Wei;
import io.citrate.vm.api.Precompile;
import io.citrate.vm.api.PrecompileContext;
import io.citrate.vm.api.PrecompileResult;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class GuardedPrecompileTest {
  private static final PrecompileContext CONTEXT = new PrecompileContext(Address.ZERO, Wei.ZERO, 7, false);
  private static final byte[] INPUT = {1, 2, 3};

  /** A precompile whose gas and result come from the given suppliers, which may throw. */
  private static Precompile precompile(Supplier<Long> gas, Supplier<PrecompileResult> result) {
    return new Precompile() {
      @Override
      public long gasRequirement(byte[] input) {
        return gas.get();
      }

      @Override
      public PrecompileResult execute(byte[] input, PrecompileContext context) {
        return result.get();
      }
    };
  }

  private static GuardedPrecompile guarded(Supplier<PrecompileResult> result) {
    return new GuardedPrecompile("acme-hash/1", precompile(() -> 60L, result));
  }

  private static int recurse(int depth) {
    return recurse(depth + 1) + 1;
  }

  @Test
  void passesGasAndResultsThrough() {
    byte[] output = {9};
    GuardedPrecompile precompile = guarded(() -> PrecompileResult.success(output));

    assertThat(precompile.gasRequirement(INPUT)).isEqualTo(60);
    assertThat(precompile.execute(INPUT, CONTEXT).output()).isSameAs(output);
    assertThat(guarded(() -> PrecompileResult.revert(output)).execute(INPUT, CONTEXT).status())
        .isEqualTo(PrecompileResult.Status.REVERT);
  }

  @Test
  void anExceptionHaltsNamingOnlyTheImplementationAndTheExceptionClass() {
    PrecompileResult result = guarded(() -> {
      throw new IllegalArgumentException("bad input at " + new Object());
    }).execute(INPUT, CONTEXT);

    assertThat(result.status()).isEqualTo(PrecompileResult.Status.HALT);
    assertThat(result.output()).isEmpty();
    assertThat(result.haltReason()).isEqualTo("precompile acme-hash/1 threw java.lang.IllegalArgumentException");
  }

  @Test
  void aStackOverflowHaltsLikeAnException() {
    PrecompileResult result = guarded(() -> PrecompileResult.success(new byte[recurse(0)])).execute(INPUT, CONTEXT);

    assertThat(result.haltReason()).isEqualTo("precompile acme-hash/1 threw java.lang.StackOverflowError");
  }

  @Test
  void runningOutOfMemoryIsTheNodesFailureAndPropagates() {
    GuardedPrecompile precompile = guarded(() -> {
      throw new OutOfMemoryError("Java heap space");
    });

    assertThatThrownBy(() -> precompile.execute(INPUT, CONTEXT)).isInstanceOf(OutOfMemoryError.class);
  }

  @Test
  void noResultIsAHalt() {
    PrecompileResult result = guarded(() -> null).execute(INPUT, CONTEXT);

    assertThat(result.haltReason()).isEqualTo("precompile acme-hash/1 returned no result");
  }

  @Test
  void aGasRequirementThatCannotBeComputedCannotBePaid() {
    Precompile throwing = precompile(() -> {
      throw new ArithmeticException("overflow");
    }, () -> PrecompileResult.success(new byte[0]));
    Precompile negative = precompile(() -> -1L, () -> PrecompileResult.success(new byte[0]));
    Precompile overflowing = precompile(() -> (long) recurse(0), () -> PrecompileResult.success(new byte[0]));

    assertThat(new GuardedPrecompile("a/1", throwing).gasRequirement(INPUT)).isEqualTo(Long.MAX_VALUE);
    assertThat(new GuardedPrecompile("a/1", negative).gasRequirement(INPUT)).isEqualTo(Long.MAX_VALUE);
    assertThat(new GuardedPrecompile("a/1", overflowing).gasRequirement(INPUT)).isEqualTo(Long.MAX_VALUE);
  }
}
