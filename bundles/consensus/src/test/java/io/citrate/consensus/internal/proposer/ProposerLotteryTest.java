package io.citrate.consensus.internal.proposer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.consensus.api.SlotInput;
import io.citrate.consensus.api.SlotTicket;
import io.citrate.consensus.api.StakeDistribution;
import io.citrate.consensus.api.Validator;
import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.vrf.VrfPrivateKey;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ProposerLotteryTest {
  private static final long CHAIN_ID = 1337;
  private static final Hash SEED = Hash.fromHex("0x" + "5e".repeat(32));
  private static final BigInteger TWO_TO_256 = BigInteger.ONE.shiftLeft(256);

  private final ProposerLottery lottery = new ProposerLottery(1);

  @Test
  void slotInputIsTheDocumentedSixtyBytes() {
    byte[] alpha = new SlotInput(CHAIN_ID, SEED, 42).alpha();
    byte[] expected = ByteBuffer.allocate(60)
        .put("citrate-slot".getBytes(StandardCharsets.US_ASCII))
        .putLong(CHAIN_ID)
        .put(SEED.toArray())
        .putLong(42)
        .array();
    assertThat(alpha).isEqualTo(expected);
  }

  @Test
  void ticketsAreDeterministicAndDifferPerSlotChainAndSeed() {
    VrfPrivateKey key = key(11);
    SlotTicket ticket = slot(7).prove(key);
    assertThat(slot(7).prove(key)).isEqualTo(ticket);
    assertThat(slot(8).prove(key).output()).isNotEqualTo(ticket.output());
    assertThat(new SlotInput(CHAIN_ID + 1, SEED, 7).prove(key).output()).isNotEqualTo(ticket.output());
    assertThat(new SlotInput(CHAIN_ID, Hash.ZERO, 7).prove(key).output()).isNotEqualTo(ticket.output());
  }

  @Test
  void outputJustBelowTheThresholdWinsAndAtTheThresholdLoses() {
    // stake 1 of 4: threshold 2^256 / 4 = 2^254.
    assertThat(lottery.wins(output(BigInteger.ONE.shiftLeft(254).subtract(BigInteger.ONE)), Wei.of(1), Wei.of(4)))
        .isTrue();
    assertThat(lottery.wins(output(BigInteger.ONE.shiftLeft(254)), Wei.of(1), Wei.of(4))).isFalse();
    // stake 1 of 3: 2^256 / 3 is not an integer; beta wins iff 3 * beta < 2^256.
    BigInteger lastWinner = TWO_TO_256.subtract(BigInteger.ONE).divide(BigInteger.valueOf(3));
    assertThat(lastWinner.multiply(BigInteger.valueOf(3))).isEqualTo(TWO_TO_256.subtract(BigInteger.ONE));
    assertThat(lottery.wins(output(lastWinner), Wei.of(1), Wei.of(3))).isTrue();
    assertThat(lottery.wins(output(lastWinner.add(BigInteger.ONE)), Wei.of(1), Wei.of(3))).isFalse();
    // two expected producers double the threshold to 2^255.
    ProposerLottery twoPerSlot = new ProposerLottery(2);
    assertThat(twoPerSlot.wins(output(BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE)), Wei.of(1), Wei.of(4)))
        .isTrue();
    assertThat(twoPerSlot.wins(output(BigInteger.ONE.shiftLeft(255)), Wei.of(1), Wei.of(4))).isFalse();
    assertThat(lottery.wins(output(BigInteger.ZERO), Wei.of(1), Wei.MAX_WEI)).isTrue();
  }

  @Test
  void realProofWinsWithTheSmallestSufficientStakeAndLosesWithOneWeiLess() {
    Address producer = address(1);
    VrfPrivateKey key = key(21);
    SlotInput slot = slot(3);
    SlotTicket ticket = slot.prove(key);
    BigInteger beta = new BigInteger(1, ticket.output().toArray());
    BigInteger total = BigInteger.TEN.pow(30);
    // Eligible iff stake * 2^256 > beta * total, so the least winning stake is floor(beta * total / 2^256) + 1.
    BigInteger leastWinningStake = beta.multiply(total).shiftRight(256).add(BigInteger.ONE);

    StakeDistribution winning = withRest(producer, key, leastWinningStake, total);
    assertThat(lottery.checkEligibility(producer, winning, slot, ticket.proof()))
        .isEqualTo(new SlotEligibility.Eligible(winning.find(producer).orElseThrow(), ticket.output()));

    StakeDistribution losing = withRest(producer, key, leastWinningStake.subtract(BigInteger.ONE), total);
    SlotEligibility verdict = lottery.checkEligibility(producer, losing, slot, ticket.proof());
    assertThat(verdict).isEqualTo(new SlotEligibility.NotEligible(producer, ticket.output()));
    assertThat(verdict.isEligible()).isFalse();
    assertThat(verdict.message()).contains("did not win");
  }

  @Test
  void aValidatorHoldingAllStakeWinsEverySlot() {
    Address producer = address(1);
    VrfPrivateKey key = key(5);
    StakeDistribution devnet = StakeDistribution.of(List.of(new Validator(producer, key.publicKey(), Wei.ofSalt(1))));
    for (long slot = 0; slot < 100; slot++) {
      SlotTicket ticket = slot(slot).prove(key);
      assertThat(lottery.checkEligibility(producer, devnet, ticket.slot(), ticket.proof().toBytes()).isEligible())
          .as("slot %d", slot)
          .isTrue();
    }
    Hash largestOutput = output(TWO_TO_256.subtract(BigInteger.ONE));
    assertThat(lottery.wins(largestOutput, Wei.ONE, Wei.ONE)).isTrue();
    assertThat(lottery.wins(largestOutput, Wei.MAX_WEI, Wei.MAX_WEI)).isTrue();
  }

  @Property(tries = 200)
  void stakeTimesExpectedProducersCoveringTheTotalAlwaysWins(@ForAll @Size(32) byte[] beta,
      @ForAll @LongRange(min = 1) long stake, @ForAll @IntRange(min = 1, max = 8) int expected,
      @ForAll @LongRange(min = 0, max = 1_000_000) long shortfall) {
    ProposerLottery ofExpected = new ProposerLottery(expected);
    BigInteger covered = BigInteger.valueOf(stake).multiply(BigInteger.valueOf(expected));
    BigInteger total = covered.subtract(BigInteger.valueOf(shortfall)).max(BigInteger.valueOf(stake));
    assertThat(ofExpected.wins(Hash.wrap(beta), Wei.of(stake), Wei.of(total))).isTrue();
  }

  @Test
  void threeTimesTheStakeWinsAboutThreeTimesAsOften() {
    VrfPrivateKey small = key(101);
    VrfPrivateKey triple = key(102);
    StakeDistribution stakes = StakeDistribution.of(List.of(
        new Validator(address(1), small.publicKey(), Wei.ofSalt(1)),
        new Validator(address(2), triple.publicKey(), Wei.ofSalt(3)),
        new Validator(address(3), key(103).publicKey(), Wei.ofSalt(6))));
    int smallWins = 0;
    int tripleWins = 0;
    int slots = 1000;
    for (long slot = 0; slot < slots; slot++) {
      SlotInput input = slot(slot);
      if (lottery.checkEligibility(address(1), stakes, input, input.prove(small).proof()).isEligible()) {
        smallWins++;
      }
      if (lottery.checkEligibility(address(2), stakes, input, input.prove(triple).proof()).isEligible()) {
        tripleWins++;
      }
    }
    // Expected 100 and 300 of 1000 (standard deviations about 9.5 and 14.5).
    assertThat(smallWins).isBetween(60, 140);
    assertThat(tripleWins).isBetween(240, 360);
    assertThat(tripleWins).isBetween(2 * smallWins, 4 * smallWins);
  }

  @Test
  void claimsFromOutsiderUnstakedOrWithBadProofsAreRejectedWithTheirReason() {
    VrfPrivateKey key = key(9);
    StakeDistribution stakes = StakeDistribution.of(List.of(
        new Validator(address(1), key.publicKey(), Wei.ofSalt(1)),
        new Validator(address(2), key(10).publicKey(), Wei.ZERO)));
    SlotInput slot = slot(1);
    SlotTicket ticket = slot.prove(key);

    assertThat(lottery.checkEligibility(address(3), stakes, slot, ticket.proof()))
        .isEqualTo(new SlotEligibility.UnknownValidator(address(3)));
    assertThat(lottery.checkEligibility(address(2), stakes, slot, slot.prove(key(10)).proof()))
        .isEqualTo(new SlotEligibility.ZeroStake(address(2)));
    assertThat(lottery.checkEligibility(address(2), stakes, slot, new byte[3]))
        .as("stake is checked before the proof is even decoded")
        .isEqualTo(new SlotEligibility.ZeroStake(address(2)));

    assertThat(lottery.checkEligibility(address(1), stakes, slot, Arrays.copyOf(ticket.proof().toBytes(), 80)))
        .isInstanceOfSatisfying(SlotEligibility.BadProof.class,
            bad -> assertThat(bad.detail()).contains("81 bytes, got 80"));
    assertThat(lottery.checkEligibility(address(1), stakes, slot(2), ticket.proof()))
        .as("a proof for another slot")
        .isInstanceOf(SlotEligibility.BadProof.class);
    assertThat(lottery.checkEligibility(address(1), stakes, slot, slot.prove(key(10)).proof()))
        .as("a proof by another key")
        .isInstanceOfSatisfying(SlotEligibility.BadProof.class,
            bad -> assertThat(bad.message()).contains("does not verify"));
  }

  @Test
  void malformedParametersAreRejected() {
    assertThatThrownBy(() -> new ProposerLottery(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> new SlotInput(0, SEED, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chain id");
    assertThatThrownBy(() -> new SlotInput(CHAIN_ID, SEED, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slot number");
    assertThatThrownBy(() -> new SlotInput(CHAIN_ID, null, 1)).isInstanceOf(NullPointerException.class);
  }

  private static StakeDistribution withRest(Address producer, VrfPrivateKey key, BigInteger stake, BigInteger total) {
    return StakeDistribution.of(List.of(
        new Validator(producer, key.publicKey(), Wei.of(stake)),
        new Validator(address(2), key(99).publicKey(), Wei.of(total.subtract(stake)))));
  }

  private static SlotInput slot(long number) {
    return new SlotInput(CHAIN_ID, SEED, number);
  }

  private static Hash output(BigInteger beta) {
    return Hash.wrap(Bytes.leftPad(Bytes.trimLeadingZeros(beta.toByteArray()), Hash.SIZE));
  }

  static VrfPrivateKey key(int scalar) {
    return VrfPrivateKey.fromBytes(Bytes.leftPad(BigInteger.valueOf(scalar).toByteArray(), VrfPrivateKey.SIZE));
  }

  static Address address(int index) {
    byte[] bytes = new byte[Address.SIZE];
    bytes[Address.SIZE - 1] = (byte) index;
    return Address.wrap(bytes);
  }
}
