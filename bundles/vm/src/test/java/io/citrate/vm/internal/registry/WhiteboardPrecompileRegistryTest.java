package io.citrate.vm.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.core.api.Address;
import io.citrate.core.api.Wei;
import io.citrate.vm.api.Precompile;
import io.citrate.vm.api.PrecompileActivation;
import io.citrate.vm.api.PrecompileContext;
import io.citrate.vm.api.PrecompileResult;
import io.citrate.vm.api.PrecompileSchedule;
import io.citrate.vm.api.PrecompileUnavailableException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;

class WhiteboardPrecompileRegistryTest {
  private static final Address ECRECOVER = Address.fromHex("0x0000000000000000000000000000000000000001");
  private static final Address MODEL = Address.fromHex("0x0000000000000000000000000000000000001000");
  private static final Address TENSOR = Address.fromHex("0x0000000000000000000000000000000000001003");
  private static final Precompile ETHEREUM_ECRECOVER = new Named("ecrecover");
  private static final Map<Address, Precompile> ETHEREUM = Map.of(ECRECOVER, ETHEREUM_ECRECOVER);
  private static final PrecompileContext CONTEXT = new PrecompileContext(Address.ZERO, Wei.ZERO, 0, false);

  private final WhiteboardPrecompileRegistry registry = new WhiteboardPrecompileRegistry(ETHEREUM);
  private long nextServiceId = 1;

  /** A precompile that answers with its own name, so a test sees which implementation ran. */
  private record Named(String name) implements Precompile {
    @Override
    public long gasRequirement(byte[] input) {
      return 15;
    }

    @Override
    public PrecompileResult execute(byte[] input, PrecompileContext context) {
      return PrecompileResult.success(name.getBytes(StandardCharsets.US_ASCII));
    }
  }

  private Map<String, Object> register(Precompile precompile, Address address, String implementation) {
    return register(registry, precompile, address.toHex(), implementation);
  }

  private Map<String, Object> register(WhiteboardPrecompileRegistry target, Precompile precompile, Object address,
      Object implementation) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(Constants.SERVICE_ID, nextServiceId++);
    if (address != null) {
      properties.put(Precompile.ADDRESS, address);
    }
    if (implementation != null) {
      properties.put(Precompile.IMPLEMENTATION, implementation);
    }
    target.bindPrecompile(precompile, properties);
    return properties;
  }

  private static PrecompileSchedule schedule(PrecompileActivation... activations) {
    return blockNumber -> List.of(activations);
  }

  /** Which implementation answers at each address: the name the precompile returns. */
  private static Map<Address, String> running(Map<Address, Precompile> precompiles) {
    Map<Address, String> names = new LinkedHashMap<>();
    precompiles.forEach((address, precompile) -> names.put(address,
        new String(precompile.execute(new byte[0], CONTEXT).output(), StandardCharsets.US_ASCII)));
    return names;
  }

  @Test
  void withoutAScheduleOnlyEthereumsPrecompilesRun() throws Exception {
    register(new Named("model/1"), MODEL, "model/1");

    assertThat(registry.precompilesAt(0)).containsExactly(Map.entry(ECRECOVER, ETHEREUM_ECRECOVER));
    assertThat(registry.precompilesAt(1_000_000)).containsOnlyKeys(ECRECOVER);
    assertThat(registry.scheduleAt(1_000_000)).isEmpty();
  }

  @Test
  void anUnscheduledRegistrationNeverRuns() throws Exception {
    register(new Named("model/1"), MODEL, "model/1");
    register(new Named("tensor/1"), TENSOR, "tensor/1");
    registry.bindSchedule(schedule(new PrecompileActivation(MODEL, "model/1", 5)));

    for (long block : new long[] {0, 5, 6, Long.MAX_VALUE}) {
      assertThat(registry.precompilesAt(block)).doesNotContainKey(TENSOR);
    }
  }

  @Test
  void anActivationRunsFromItsHeightOn() throws Exception {
    register(new Named("model/1"), MODEL, "model/1");
    registry.bindSchedule(schedule(new PrecompileActivation(MODEL, "model/1", 100)));

    assertThat(registry.precompilesAt(99)).containsOnlyKeys(ECRECOVER);
    assertThat(running(registry.precompilesAt(100))).containsEntry(MODEL, "model/1");
    assertThat(running(registry.precompilesAt(101))).containsEntry(MODEL, "model/1");
  }

  @Test
  void aLaterActivationReplacesTheImplementationFromItsHeight() throws Exception {
    register(new Named("model/1"), MODEL, "model/1");
    register(new Named("model/2"), MODEL, "model/2");
    registry.bindSchedule(schedule(new PrecompileActivation(MODEL, "model/2", 200),
        new PrecompileActivation(MODEL, "model/1", 100)));

    assertThat(registry.precompilesAt(99)).doesNotContainKey(MODEL);
    assertThat(running(registry.precompilesAt(199))).containsEntry(MODEL, "model/1");
    assertThat(running(registry.precompilesAt(200))).containsEntry(MODEL, "model/2");
    assertThat(registry.scheduleAt(0)).extracting(PrecompileActivation::implementation)
        .containsExactly("model/1", "model/2");
  }

  @Test
  void theOrderOfRegistrationsAndScheduleNeverChangesWhatRuns() throws Exception {
    List<Runnable> steps = new ArrayList<>();
    List<WhiteboardPrecompileRegistry> registries = new ArrayList<>();
    PrecompileSchedule schedule = schedule(new PrecompileActivation(MODEL, "model/1", 10),
        new PrecompileActivation(TENSOR, "tensor/1", 20), new PrecompileActivation(MODEL, "model/2", 30));
    for (int order = 0; order < 6; order++) {
      WhiteboardPrecompileRegistry candidate = new WhiteboardPrecompileRegistry(ETHEREUM);
      steps.clear();
      steps.add(() -> register(candidate, new Named("model/1"), MODEL.toHex(), "model/1"));
      steps.add(() -> register(candidate, new Named("model/2"), MODEL.toHex(), "model/2"));
      steps.add(() -> register(candidate, new Named("tensor/1"), TENSOR.toHex(), "tensor/1"));
      steps.add(() -> register(candidate, new Named("unscheduled"), TENSOR.toHex(), "tensor/0"));
      steps.add(() -> candidate.bindSchedule(schedule));
      Collections.rotate(steps, order);
      if (order % 2 == 1) {
        Collections.reverse(steps);
      }
      steps.forEach(Runnable::run);
      registries.add(candidate);
    }

    for (long block : new long[] {0, 9, 10, 19, 20, 29, 30, 1_000}) {
      Map<Address, String> expected = running(registries.get(0).precompilesAt(block));
      for (WhiteboardPrecompileRegistry candidate : registries) {
        assertThat(running(candidate.precompilesAt(block))).containsExactlyEntriesOf(expected);
      }
    }
    assertThat(running(registries.get(0).precompilesAt(30)))
        .containsExactly(Map.entry(ECRECOVER, "ecrecover"), Map.entry(MODEL, "model/2"), Map.entry(TENSOR, "tensor/1"));
  }

  @Test
  void aBlockNeedingAnUnregisteredImplementationIsRefused() throws Exception {
    PrecompileActivation activation = new PrecompileActivation(MODEL, "model/1", 100);
    registry.bindSchedule(schedule(activation));

    assertThat(registry.precompilesAt(99)).containsOnlyKeys(ECRECOVER);
    assertThatThrownBy(() -> registry.precompilesAt(100))
        .isInstanceOfSatisfying(PrecompileUnavailableException.class, unavailable -> {
          assertThat(unavailable.blockNumber()).isEqualTo(100);
          assertThat(unavailable.unavailable()).containsExactly(activation);
        })
        .hasMessageContaining("model/1 at " + MODEL);
    assertThat(registry.registrations(activation)).isZero();

    register(new Named("model/1"), MODEL, "model/1");
    assertThat(running(registry.precompilesAt(100))).containsEntry(MODEL, "model/1");
  }

  @Test
  void unbindingTakesTheImplementationAwayAndBlocksThatNeedItAreRefused() throws Exception {
    PrecompileActivation activation = new PrecompileActivation(MODEL, "model/1", 100);
    registry.bindSchedule(schedule(activation));
    Map<String, Object> properties = register(new Named("model/1"), MODEL, "model/1");
    assertThat(registry.precompilesAt(100)).containsKey(MODEL);

    registry.unbindPrecompile(new Named("model/1"), properties);

    assertThat(registry.registrations(activation)).isZero();
    assertThat(registry.precompilesAt(99)).containsOnlyKeys(ECRECOVER);
    assertThatThrownBy(() -> registry.precompilesAt(100)).isInstanceOf(PrecompileUnavailableException.class);
  }

  @Test
  void twoRegistrationsOfOneImplementationAreAmbiguousUntilOneLeaves() throws Exception {
    PrecompileActivation activation = new PrecompileActivation(MODEL, "model/1", 0);
    registry.bindSchedule(schedule(activation));
    register(new Named("first"), MODEL, "model/1");
    Map<String, Object> second = register(new Named("second"), MODEL, "model/1");

    assertThat(registry.registrations(activation)).isEqualTo(2);
    assertThatThrownBy(() -> registry.precompilesAt(0)).isInstanceOf(PrecompileUnavailableException.class);

    registry.unbindPrecompile(new Named("second"), second);
    assertThat(running(registry.precompilesAt(0))).containsEntry(MODEL, "first");
  }

  @Test
  void changedServicePropertiesMoveTheRegistration() throws Exception {
    registry.bindSchedule(schedule(new PrecompileActivation(MODEL, "model/1", 0),
        new PrecompileActivation(TENSOR, "tensor/1", 0)));
    Named precompile = new Named("moved");
    Map<String, Object> properties = register(precompile, MODEL, "model/1");
    Map<String, Object> moved = new LinkedHashMap<>(properties);
    moved.put(Precompile.ADDRESS, TENSOR.toHex());
    moved.put(Precompile.IMPLEMENTATION, "tensor/1");

    registry.updatedPrecompile(precompile, moved);

    assertThat(registry.registrations(new PrecompileActivation(MODEL, "model/1", 0))).isZero();
    assertThat(registry.registrations(new PrecompileActivation(TENSOR, "tensor/1", 0))).isOne();
  }

  @Test
  void servicesWithoutAUsableAddressOrImplementationAreIgnored() {
    register(registry, new Named("a"), null, "model/1");
    register(registry, new Named("b"), MODEL.toHex(), null);
    register(registry, new Named("c"), "0x1000", "model/1");
    register(registry, new Named("d"), MODEL.toHex(), " ");
    register(registry, new Named("e"), 4096L, "model/1");

    assertThat(registry.registrations(new PrecompileActivation(MODEL, "model/1", 0))).isZero();
  }

  @Test
  void aReplacedScheduleIsFollowedAndAnUnboundOneForgotten() throws Exception {
    register(new Named("model/1"), MODEL, "model/1");
    PrecompileSchedule first = schedule(new PrecompileActivation(MODEL, "model/1", 10));
    PrecompileSchedule second = schedule(new PrecompileActivation(MODEL, "model/1", 20));
    registry.bindSchedule(first);
    // A greedy reference binds the better service before it unbinds the one it replaces.
    registry.bindSchedule(second);
    registry.unbindSchedule(first);
    assertThat(registry.precompilesAt(15)).doesNotContainKey(MODEL);
    assertThat(registry.precompilesAt(20)).containsKey(MODEL);

    registry.unbindSchedule(second);
    assertThat(registry.precompilesAt(20)).containsOnlyKeys(ECRECOVER);
  }

  @Test
  void theScheduleIsReadAsOfTheBlock() throws Exception {
    register(new Named("model/1"), MODEL, "model/1");
    // Governance decides in block 50 to activate model/1 from block 60.
    registry.bindSchedule(blockNumber -> blockNumber < 50 ? List.of()
        : List.of(new PrecompileActivation(MODEL, "model/1", 60)));

    assertThat(registry.scheduleAt(49)).isEmpty();
    assertThat(registry.scheduleAt(50)).containsExactly(new PrecompileActivation(MODEL, "model/1", 60));
    assertThat(registry.precompilesAt(59)).doesNotContainKey(MODEL);
    assertThat(registry.precompilesAt(60)).containsKey(MODEL);
  }

  @Test
  void aScheduleActivatingTwoImplementationsAtOneHeightIsRefused() {
    registry.bindSchedule(schedule(new PrecompileActivation(MODEL, "model/1", 10),
        new PrecompileActivation(MODEL, "model/2", 10)));

    assertThatThrownBy(() -> registry.precompilesAt(10)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("two implementations");
  }

  @Test
  void thePrecompilesOfABlockCannotBeChanged() throws Exception {
    Map<Address, Precompile> precompiles = registry.precompilesAt(0);

    assertThatThrownBy(() -> precompiles.put(MODEL, new Named("sneaked in")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void scheduledPrecompilesHaltInsteadOfThrowing() throws Exception {
    Precompile failing = new Precompile() {
      @Override
      public long gasRequirement(byte[] input) {
        return 0;
      }

      @Override
      public PrecompileResult execute(byte[] input, PrecompileContext context) {
        throw new IllegalStateException("model store at 0x7f3a not open");
      }
    };
    register(failing, MODEL, "model/1");
    registry.bindSchedule(schedule(new PrecompileActivation(MODEL, "model/1", 0)));

    PrecompileResult result = registry.precompilesAt(0).get(MODEL).execute(new byte[0], CONTEXT);

    assertThat(result.status()).isEqualTo(PrecompileResult.Status.HALT);
    assertThat(result.haltReason()).isEqualTo("precompile model/1 threw java.lang.IllegalStateException");
  }
}
