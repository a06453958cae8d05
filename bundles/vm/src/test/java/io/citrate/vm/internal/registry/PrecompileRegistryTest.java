package io.citrate.vm.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.core.api.tx.Transaction;
import io.citrate.core.api.tx.TransactionType;
import io.citrate.store.api.MemoryKeyValueStore;
import io.citrate.vm.api.BlockEnvironment;
import io.citrate.vm.api.MissingPrecompileException;
import io.citrate.vm.api.Precompile;
import io.citrate.vm.api.PrecompileContext;
import io.citrate.vm.api.PrecompileResult;
import io.citrate.vm.api.TransactionOutcome;
import io.citrate.vm.internal.evm.MainnetEvms;
import io.citrate.vm.internal.processor.TransactionExecutor;
import io.citrate.vm.internal.state.KeyValueTrieNodeStore;
import io.citrate.vm.internal.state.TrieWorldState;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whiteboard as an integrator meets it: register, schedule, unregister, misbehave. */
class PrecompileRegistryTest {
  private static final Address MODEL = Address.fromHex("0x0000000000000000000000000000000000001000");
  private static final String MODEL_V1 = "model-registry/1";
  private static final Address ECRECOVER = Address.fromHex("0x0000000000000000000000000000000000000001");

  private final PrecompileRegistry registry = new PrecompileRegistry();

  private static Map<String, Object> properties(String address, String implementation) {
    return Map.of(Precompile.ADDRESS, address, Precompile.IMPLEMENTATION, implementation);
  }

  private static Precompile returning(byte[] output) {
    return new Precompile() {
      @Override
      public long gasRequirement(byte[] input) {
        return 100;
      }

      @Override
      public PrecompileResult execute(byte[] input, PrecompileContext context) {
        return PrecompileResult.success(output);
      }
    };
  }

  @Test
  void runsTheStandardPrecompilesWithoutASchedule() {
    assertThat(registry.precompilesAt(1)).hasSize(10).containsKey(ECRECOVER);
  }

  @Test
  void aRegistrationRunsOnlyFromTheHeightTheScheduleNames() {
    Precompile model = returning(new byte[] {1});
    registry.bindPrecompile(model, properties(MODEL.toHex(), MODEL_V1));
    assertThat(registry.precompilesAt(100)).doesNotContainKey(MODEL);

    registry.bindSchedule(block -> block >= 100 ? Map.of(MODEL, MODEL_V1) : Map.of());
    assertThat(registry.precompilesAt(99)).doesNotContainKey(MODEL);
    assertThat(registry.precompilesAt(100)).containsEntry(MODEL, model);

    registry.unbindPrecompile(model, properties(MODEL.toHex(), MODEL_V1));
    assertThatThrownBy(() -> registry.precompilesAt(100)).isInstanceOf(MissingPrecompileException.class)
        .hasMessageContaining(MODEL_V1);
  }

  @Test
  void aScheduleCanReplaceAStandardPrecompile() {
    Precompile replacement = returning(new byte[0]);
    registry.bindPrecompile(replacement, properties(ECRECOVER.toHex(), "ecrecover/2"));
    registry.bindSchedule(block -> Map.of(ECRECOVER, "ecrecover/2"));
    assertThat(registry.precompilesAt(1)).containsEntry(ECRECOVER, replacement);
  }

  @Test
  void registrationsWithoutAValidAddressOrIdAreIgnored() {
    registry.bindPrecompile(returning(new byte[0]), properties("0x1000", MODEL_V1));
    registry.bindPrecompile(returning(new byte[0]), Map.of(Precompile.ADDRESS, MODEL.toHex()));
    registry.bindSchedule(block -> Map.of(MODEL, MODEL_V1));
    assertThatThrownBy(() -> registry.precompilesAt(1)).isInstanceOf(MissingPrecompileException.class);
  }

  @Test
  void aThrowingPrecompileHaltsItsCallAndTheExecutorCarriesOn() {
    registry.bindPrecompile(new Precompile() {
      @Override
      public long gasRequirement(byte[] input) {
        return 100;
      }

      @Override
      public PrecompileResult execute(byte[] input, PrecompileContext context) {
        throw new IllegalStateException("integrator bug");
      }
    }, properties(MODEL.toHex(), MODEL_V1));
    registry.bindSchedule(block -> Map.of(MODEL, MODEL_V1));

    PrivateKey key = PrivateKey.fromHex("0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8");
    TrieWorldState world = TrieWorldState.empty(new KeyValueTrieNodeStore(new MemoryKeyValueStore()));
    world.updateAccount(key.publicKey().toAddress(), 0, Wei.of(10_000_000), null, Map.of());
    BlockEnvironment block = new BlockEnvironment(Address.ZERO, 1, 1, 30_000_000, Wei.ONE, Hash.ZERO, 0, 1,
        number -> Hash.ZERO);
    Transaction call = Transaction.builder(TransactionType.EIP1559).chainId(1).nonce(0)
        .maxPriorityFeePerGas(Wei.ONE).maxFeePerGas(Wei.of(2)).gasLimit(30_000).to(MODEL).value(Wei.ZERO)
        .data(Bytes.EMPTY).sign(key);

    TransactionOutcome outcome = new TransactionExecutor(MainnetEvms.cancun(registry.precompilesAt(1)))
        .execute(world, block, call, 0);

    assertThat(outcome).isInstanceOfSatisfying(TransactionOutcome.Executed.class, executed -> {
      assertThat(executed.receipt().success()).isFalse();
      assertThat(executed.receipt().gasUsed()).isEqualTo(30_000);
    });
  }
}
