package io.citrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.core.api.tx.Transaction;
import io.citrate.core.api.tx.TransactionType;
import io.citrate.store.api.KeyValueStore;
import io.citrate.store.api.WriteBatch;
import io.citrate.vm.api.BlockEnvironment;
import io.citrate.vm.api.BlockExecutionResult;
import io.citrate.vm.api.BlockProcessor;
import io.citrate.vm.api.GenesisAccount;
import io.citrate.vm.api.Log;
import io.citrate.vm.api.Precompile;
import io.citrate.vm.api.PrecompileActivation;
import io.citrate.vm.api.PrecompileContext;
import io.citrate.vm.api.PrecompileRegistry;
import io.citrate.vm.api.PrecompileResult;
import io.citrate.vm.api.PrecompileSchedule;
import io.citrate.vm.api.PrecompileUnavailableException;
import io.citrate.vm.api.TransactionReceipt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;

/**
 * The precompile whiteboard in the real distribution, used as an integrator's bundle and governance would use it:
 * an example integrator bundle (io.citrate.examples.precompile) is deployed into the node, the test registers
 * more {@link Precompile} services with their address and implementation id, and a {@link PrecompileSchedule}
 * that activates them; the {@link PrecompileRegistry} answers per block, the shell lists the schedule, and the
 * node's {@link BlockProcessor} runs blocks whose contracts call the precompiles as Solidity does. Each test removes
 * what it registered.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PrecompileIT extends CitrateTestSupport {
  private static final Address HASH = Address.fromHex("0x0000000000000000000000000000000000001005");
  private static final Address BROKEN = Address.fromHex("0x0000000000000000000000000000000000001006");
  private static final String EXAMPLE_BUNDLE = "io.citrate.examples.precompile";
  private static final Address SHA3 = Address.fromHex("0x0000000000000000000000000000000000002000");
  private static final Address ECRECOVER = Address.fromHex("0x0000000000000000000000000000000000000001");
  private static final Address POINT_EVALUATION = Address.fromHex("0x000000000000000000000000000000000000000a");
  private static final long ACTIVATION = 100;
  private static final PrecompileContext CONTEXT = new PrecompileContext(Address.ZERO, Wei.ZERO, ACTIVATION, false);
  private static final PrivateKey KEY =
      PrivateKey.fromHex("0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8");
  private static final Address SENDER = KEY.publicKey().toAddress();
  /** The topic a caller logs when its call to the precompile succeeded; {@link Hash#ZERO} when it failed. */
  private static final Hash CALL_SUCCEEDED = Hash.fromHex("0x" + "00".repeat(31) + "01");

  private PrecompileRegistry registry;
  private BlockProcessor processor;
  private KeyValueStore store;
  private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

  /** Answers its input reversed, for 7 gas per byte. */
  private static final class ReversingPrecompile implements Precompile {
    @Override
    public long gasRequirement(byte[] input) {
      return 7L * input.length;
    }

    @Override
    public PrecompileResult execute(byte[] input, PrecompileContext context) {
      byte[] reversed = new byte[input.length];
      for (int i = 0; i < input.length; i++) {
        reversed[i] = input[input.length - 1 - i];
      }
      return PrecompileResult.success(reversed);
    }
  }

  /** Fails the way buggy integrator code does. */
  private static final class BrokenPrecompile implements Precompile {
    @Override
    public long gasRequirement(byte[] input) {
      return 1;
    }

    @Override
    public PrecompileResult execute(byte[] input, PrecompileContext context) {
      throw new IllegalStateException("lost its model at " + System.identityHashCode(this));
    }
  }

  private static final String EXAMPLE_LOCATION_PROPERTY = "citrate.itest.example.precompile";

  /** Where the example bundle is, resolved here because the container cannot read the build's versions. */
  @Override
  protected Option[] extraOptions() {
    return new Option[] {systemProperty(EXAMPLE_LOCATION_PROPERTY)
        .value(maven("io.citrate", EXAMPLE_BUNDLE).versionAsInProject().getURL())};
  }

  @Before
  public void findTheServices() {
    registry = awaitService(PrecompileRegistry.class);
    processor = awaitService(BlockProcessor.class);
    store = awaitService(KeyValueStore.class);
  }

  private <T> T awaitService(Class<T> type) {
    return await().atMost(Duration.ofSeconds(60))
        .until(() -> Optional.ofNullable(bundleContext.getServiceReference(type)).map(bundleContext::getService),
            Optional::isPresent)
        .orElseThrow();
  }

  @After
  public void unregisterEverything() {
    registrations.forEach(ServiceRegistration::unregister);
    registrations.clear();
  }

  private void registerPrecompile(Precompile precompile, Address address, String implementation) {
    Hashtable<String, Object> properties = new Hashtable<>();
    properties.put(Precompile.ADDRESS, address.toHex());
    properties.put(Precompile.IMPLEMENTATION, implementation);
    registrations.add(bundleContext.registerService(Precompile.class, precompile, properties));
  }

  private void registerSchedule(PrecompileActivation... activations) {
    PrecompileSchedule schedule = blockNumber -> List.of(activations);
    registrations.add(bundleContext.registerService(PrecompileSchedule.class, schedule, new Hashtable<>()));
  }

  private Map<Address, Precompile> precompilesAt(long blockNumber) throws PrecompileUnavailableException {
    return registry.precompilesAt(blockNumber);
  }

  /** KZG point evaluation is c-kzg's native code embedded in the vm bundle: it must load inside the node. */
  @Test
  public void pointEvaluationVerifiesAProofInsideTheNode() throws Exception {
    // The zero polynomial: its commitment and every proof about it are the point at infinity, y is 0.
    byte[] infinity = new byte[48];
    infinity[0] = (byte) 0xc0;
    byte[] versionedHash = MessageDigest.getInstance("SHA-256").digest(infinity);
    versionedHash[0] = 0x01;
    byte[] z = new byte[32];
    z[31] = 7;
    byte[] input = Bytes.concat(versionedHash, z, new byte[32], infinity, infinity);
    Precompile pointEvaluation = precompilesAt(0).get(POINT_EVALUATION);

    PrecompileResult result =
        pointEvaluation.execute(input, new PrecompileContext(SENDER, Wei.ZERO, 0, false));

    assertEquals(PrecompileResult.Status.SUCCESS, result.status());
    assertEquals("0x0000000000000000000000000000000000000000000000000000000000001000"
        + "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", Bytes.toHex(result.output()));
    input[input.length - 1] = 1;
    assertEquals(PrecompileResult.Status.HALT,
        pointEvaluation.execute(input, new PrecompileContext(SENDER, Wei.ZERO, 0, false)).status());
  }

  @Test
  public void withNothingScheduledOnlyEthereumsPrecompilesRun() throws Exception {
    registerPrecompile(new ReversingPrecompile(), HASH, "reverse/1");

    Map<Address, Precompile> precompiles = precompilesAt(1_000_000);
    assertEquals(10, precompiles.size());
    assertTrue(precompiles.containsKey(ECRECOVER));
    assertFalse(precompiles.containsKey(HASH));
  }

  @Test
  public void aScheduledPrecompileRunsFromItsActivationHeightOnly() throws Exception {
    registerPrecompile(new ReversingPrecompile(), HASH, "reverse/1");
    registerPrecompile(new ReversingPrecompile(), BROKEN, "unscheduled/1");
    registerSchedule(new PrecompileActivation(HASH, "reverse/1", ACTIVATION));

    await().atMost(Duration.ofSeconds(30)).until(() -> precompilesAt(ACTIVATION).containsKey(HASH));
    assertFalse(precompilesAt(ACTIVATION - 1).containsKey(HASH));
    assertFalse(precompilesAt(Long.MAX_VALUE).containsKey(BROKEN));

    Precompile reverse = precompilesAt(ACTIVATION + 1).get(HASH);
    assertEquals(21, reverse.gasRequirement(new byte[] {1, 2, 3}));
    PrecompileResult result = reverse.execute(new byte[] {1, 2, 3}, CONTEXT);
    assertEquals(PrecompileResult.Status.SUCCESS, result.status());
    assertArrayEquals(new byte[] {3, 2, 1}, result.output());
  }

  @Test
  public void aDeployedBundlesPrecompileRunsOnceScheduledAndLeavesWithItsBundle() throws Exception {
    PrecompileActivation activation = new PrecompileActivation(SHA3, "example-sha3/1", ACTIVATION);
    registerSchedule(activation);
    assertEquals(0, registry.registrations(activation));

    Bundle example = bundleContext.installBundle(System.getProperty(EXAMPLE_LOCATION_PROPERTY));
    try {
      example.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> registry.registrations(activation) == 1);
      assertFalse(precompilesAt(ACTIVATION - 1).containsKey(SHA3));

      byte[] input = "abc".getBytes(StandardCharsets.US_ASCII);
      PrecompileResult hashed = precompilesAt(ACTIVATION).get(SHA3).execute(input, CONTEXT);
      assertEquals(PrecompileResult.Status.SUCCESS, hashed.status());
      assertArrayEquals(MessageDigest.getInstance("SHA3-256").digest(input), hashed.output());
    } finally {
      example.uninstall();
    }

    await().atMost(Duration.ofSeconds(30)).until(() -> registry.registrations(activation) == 0);
    try {
      precompilesAt(ACTIVATION);
      fail("block " + ACTIVATION + " needs example-sha3/1, which left with its bundle");
    } catch (PrecompileUnavailableException unavailable) {
      assertEquals(List.of(activation), unavailable.unavailable());
    }
  }

  @Test
  public void aThrowingPrecompileHaltsWithAReasonAndTheOthersRunOn() throws Exception {
    registerPrecompile(new ReversingPrecompile(), HASH, "reverse/1");
    registerPrecompile(new BrokenPrecompile(), BROKEN, "broken/1");
    registerSchedule(new PrecompileActivation(HASH, "reverse/1", 0), new PrecompileActivation(BROKEN, "broken/1", 0));
    await().atMost(Duration.ofSeconds(30)).until(() -> precompilesAt(0).containsKey(BROKEN));

    PrecompileResult halted = precompilesAt(ACTIVATION).get(BROKEN).execute(new byte[] {1}, CONTEXT);
    assertEquals(PrecompileResult.Status.HALT, halted.status());
    assertEquals("precompile broken/1 threw java.lang.IllegalStateException", halted.haltReason());

    PrecompileResult next = precompilesAt(ACTIVATION).get(HASH).execute(new byte[] {4, 5}, CONTEXT);
    assertArrayEquals(new byte[] {5, 4}, next.output());
  }

  @Test
  public void aBlockNeedingAnImplementationThatLeftIsRefused() throws Exception {
    registerSchedule(new PrecompileActivation(HASH, "reverse/1", ACTIVATION));
    Hashtable<String, Object> properties = new Hashtable<>();
    properties.put(Precompile.ADDRESS, HASH.toHex());
    properties.put(Precompile.IMPLEMENTATION, "reverse/1");
    ServiceRegistration<Precompile> precompile =
        bundleContext.registerService(Precompile.class, new ReversingPrecompile(), properties);
    await().atMost(Duration.ofSeconds(30)).until(() -> precompilesAt(ACTIVATION).containsKey(HASH));

    precompile.unregister();

    await().atMost(Duration.ofSeconds(30)).until(() -> {
      try {
        precompilesAt(ACTIVATION);
        return false;
      } catch (PrecompileUnavailableException unavailable) {
        return unavailable.unavailable().equals(List.of(new PrecompileActivation(HASH, "reverse/1", ACTIVATION)));
      }
    });
    assertFalse(precompilesAt(ACTIVATION - 1).containsKey(HASH));
  }

  @Test
  public void theShellListsTheScheduleAtABlock() throws Exception {
    registerPrecompile(new ReversingPrecompile(), HASH, "reverse/1");
    registerSchedule(new PrecompileActivation(HASH, "reverse/1", ACTIVATION),
        new PrecompileActivation(BROKEN, "broken/1", ACTIVATION));
    await().atMost(Duration.ofSeconds(30)).until(() -> registry.scheduleAt(0).size() == 2);

    String before = executeCommand("citrate:precompile-list --block " + (ACTIVATION - 1));
    assertContains(before, "Precompiles scheduled as of block " + (ACTIVATION - 1));
    assertRow(before, "reverse/1", HASH.toString(), String.valueOf(ACTIVATION), "yes", "pending");
    assertRow(before, "broken/1", BROKEN.toString(), String.valueOf(ACTIVATION), "no", "pending");

    String at = executeCommand("citrate:precompile-list -b " + ACTIVATION);
    assertRow(at, "reverse/1", "yes", "in force");
    assertRow(at, "broken/1", "no", "in force");

    assertContains(executeCommand("citrate:precompile-list"), "Precompiles as scheduled now");
    try {
      String output = executeCommand("citrate:precompile-list --block -1");
      fail("a negative block should be refused, printed: " + output);
    } catch (Exception refused) {
      StringBuilder messages = new StringBuilder();
      for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
        messages.append(cause.getMessage()).append('\n');
      }
      assertContains(messages.toString(), "block number is negative: -1");
    }
  }

  @Test
  public void aContractCallsTheDeployedBundlesPrecompileThroughTheVm() throws Exception {
    PrecompileActivation activation = new PrecompileActivation(SHA3, "example-sha3/1", ACTIVATION);
    registerSchedule(activation);
    Bundle example = bundleContext.installBundle(System.getProperty(EXAMPLE_LOCATION_PROPERTY));
    try {
      example.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> registry.registrations(activation) == 1);
      Hash genesis = genesisWithCallersOf(SHA3);

      byte[] input = "abc".getBytes(StandardCharsets.US_ASCII);
      Log log = theCallersLog(executeAndCommit(genesis, ACTIVATION, callTo(callerOf(SHA3), 0, input)));
      assertEquals(List.of(CALL_SUCCEEDED), log.topics());
      assertArrayEquals(MessageDigest.getInstance("SHA3-256").digest(input), log.data());
    } finally {
      example.uninstall();
    }
  }

  @Test
  public void aThrowingPrecompileFailsOnlyTheCallAndTheNextBlockRuns() throws Exception {
    registerPrecompile(new ReversingPrecompile(), HASH, "reverse/1");
    registerPrecompile(new BrokenPrecompile(), BROKEN, "broken/1");
    registerSchedule(new PrecompileActivation(HASH, "reverse/1", ACTIVATION),
        new PrecompileActivation(BROKEN, "broken/1", ACTIVATION));
    await().atMost(Duration.ofSeconds(30)).until(() -> precompilesAt(ACTIVATION).containsKey(BROKEN));
    Hash genesis = genesisWithCallersOf(BROKEN, HASH);

    BlockExecutionResult broken = executeAndCommit(genesis, ACTIVATION, callTo(callerOf(BROKEN), 0, new byte[] {9}));
    // The transaction succeeds: only the inner call failed, and the caller logged that.
    assertEquals(List.of(Hash.ZERO), theCallersLog(broken).topics());

    byte[] word = new byte[32];
    for (int i = 0; i < word.length; i++) {
      word[i] = (byte) i;
    }
    BlockExecutionResult next =
        executeAndCommit(broken.stateRoot(), ACTIVATION + 1, callTo(callerOf(HASH), 1, word));
    Log reversed = theCallersLog(next);
    assertEquals(List.of(CALL_SUCCEEDED), reversed.topics());
    assertArrayEquals(new ReversingPrecompile().execute(word, CONTEXT).output(), reversed.data());
  }

  @Test
  public void aBlockNeedingAMissingImplementationIsRefusedAndWritesNothing() throws Exception {
    PrecompileActivation missing = new PrecompileActivation(HASH, "reverse/1", ACTIVATION);
    registerSchedule(missing);
    await().atMost(Duration.ofSeconds(30)).until(() -> registry.scheduleAt(ACTIVATION).contains(missing));
    Hash genesis = genesisWithCallersOf(HASH);

    // Before its activation the address is an empty account, which a call reaches without trouble.
    BlockExecutionResult before = executeAndCommit(genesis, ACTIVATION - 1, callTo(callerOf(HASH), 0, new byte[] {1}));
    assertEquals(List.of(CALL_SUCCEEDED), theCallersLog(before).topics());

    WriteBatch batch = new WriteBatch();
    try {
      processor.execute(before.stateRoot(), block(ACTIVATION), List.of(callTo(callerOf(HASH), 1, new byte[] {1})),
          batch);
      fail("block " + ACTIVATION + " needs reverse/1, which is not registered");
    } catch (PrecompileUnavailableException unavailable) {
      assertEquals(List.of(missing), unavailable.unavailable());
    }
    assertTrue(batch.isEmpty());
  }

  /**
   * Bytecode calling {@code precompile} as Solidity does: copies its call data to memory, CALLs the precompile with
   * it and all the gas, keeping 32 bytes of return data at memory 0, then LOG1s that word with CALL's success flag
   * as the topic and stops.
   */
  private static byte[] callerCode(Address precompile) {
    return Bytes.fromHex("0x36600060003760206000366000600073" + precompile.toHex().substring(2) + "5af160206000a100");
  }

  /** Each precompile's caller lives at its address with the first byte set to 0xc0. */
  private static Address callerOf(Address precompile) {
    return Address.fromHex("0xc0" + precompile.toHex().substring(4));
  }

  /** Commits a state with a funded sender and a caller for each of {@code precompiles}, and returns its root. */
  private Hash genesisWithCallersOf(Address... precompiles) {
    List<GenesisAccount> allocation = new ArrayList<>();
    allocation.add(new GenesisAccount(SENDER, Wei.of(1_000_000_000_000L), 0, Bytes.EMPTY, Map.of()));
    for (Address precompile : precompiles) {
      allocation.add(new GenesisAccount(callerOf(precompile), Wei.ZERO, 1, callerCode(precompile), Map.of()));
    }
    WriteBatch batch = new WriteBatch();
    Hash root = processor.genesis(allocation, batch);
    store.commit(batch);
    return root;
  }

  private static BlockEnvironment block(long number) {
    return new BlockEnvironment(Address.ZERO, number, 1_000 + number, 30_000_000, Wei.of(10), Hash.ZERO, 0, 1,
        n -> Hash.ZERO);
  }

  /** Enough gas that the 1/64 a caller keeps back covers its LOG1 after a halt has consumed the rest. */
  private static Transaction callTo(Address caller, long nonce, byte[] data) {
    return Transaction.builder(TransactionType.EIP1559).chainId(1).nonce(nonce).maxPriorityFeePerGas(Wei.of(2))
        .maxFeePerGas(Wei.of(20)).gasLimit(1_000_000).to(caller).value(Wei.ZERO).data(data).sign(KEY);
  }

  private BlockExecutionResult executeAndCommit(Hash parentStateRoot, long number, Transaction transaction)
      throws PrecompileUnavailableException {
    WriteBatch batch = new WriteBatch();
    BlockExecutionResult result = processor.execute(parentStateRoot, block(number), List.of(transaction), batch);
    store.commit(batch);
    return result;
  }

  /** The log of the block's one transaction, which must have succeeded. */
  private static Log theCallersLog(BlockExecutionResult result) {
    assertEquals(1, result.receipts().size());
    TransactionReceipt receipt = result.receipts().get(0);
    assertTrue("the transaction failed", receipt.success());
    assertEquals(1, receipt.logs().size());
    return receipt.logs().get(0);
  }

  private static void assertRow(String table, String implementation, String... cells) {
    String row = table.lines().filter(line -> line.contains(implementation)).findFirst()
        .orElseThrow(() -> new AssertionError("no row for " + implementation + " in:\n" + table));
    for (String cell : cells) {
      assertContains(row, cell);
    }
  }

  private static void assertContains(String text, String expected) {
    assertTrue("expected \"" + expected + "\" in:\n" + text, text.contains(expected));
  }
}
