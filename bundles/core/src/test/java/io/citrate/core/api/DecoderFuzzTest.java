package io.citrate.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.core.api.block.BlockHeader;
import io.citrate.core.api.block.InvalidBlockHeaderException;
import io.citrate.core.api.crypto.KeyPair;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.core.api.tx.AccessListEntry;
import io.citrate.core.api.tx.InvalidTransactionException;
import io.citrate.core.api.tx.Transaction;
import io.citrate.core.api.tx.TransactionDecoder;
import io.citrate.core.api.tx.TransactionType;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Hostile input to the transaction and block header decoders: random bytes, and truncated, overwritten,
 * inserted and deleted bytes in valid encodings. Only the typed exceptions may come out.
 */
class DecoderFuzzTest {
  private static final KeyPair KEY =
      KeyPair.of(PrivateKey.fromHex("0x4646464646464646464646464646464646464646464646464646464646464646"));
  private static final Address TO = Address.fromHex("0x3535353535353535353535353535353535353535");
  private static final List<byte[]> VALID_TRANSACTIONS = List.of(
      Transaction.builder(TransactionType.LEGACY).chainId(1).gasPrice(Wei.ONE).gasLimit(21_000).to(TO)
          .sign(KEY.privateKey()).encoded(),
      Transaction.builder(TransactionType.ACCESS_LIST).chainId(1).gasPrice(Wei.ONE).gasLimit(30_000).to(TO)
          .accessList(List.of(AccessListEntry.of(TO, Hash.ZERO))).sign(KEY.privateKey()).encoded(),
      Transaction.builder(TransactionType.EIP1559).chainId(1).maxPriorityFeePerGas(Wei.ONE)
          .maxFeePerGas(Wei.of(2)).gasLimit(60_000).data(new byte[] {1, 0, 2}).sign(KEY.privateKey()).encoded(),
      Transaction.builder(TransactionType.BLOB).chainId(1).maxPriorityFeePerGas(Wei.ONE).maxFeePerGas(Wei.of(2))
          .gasLimit(21_000).to(TO).maxFeePerBlobGas(Wei.ONE)
          .blobVersionedHashes(List.of(Hash.fromHex("0x01" + "00".repeat(31)))).sign(KEY.privateKey()).encoded());
  private static final byte[] VALID_HEADER = BlockHeader.builder()
      .parents(List.of(Hash.ZERO, Hash.EMPTY)).timestamp(1_000).blueScore(1).blueWork(BigInteger.TEN)
      .gasLimit(1_000_000).producer(KEY.address()).vrfProof(new byte[80]).build().sign(KEY.privateKey()).encode();

  @Property(tries = 1000)
  void randomBytesAreRejectedWithTypedExceptions(@ForAll @Size(max = 300) byte[] input) {
    decodeTransaction(input);
    decodeHeader(input);
  }

  @Property(tries = 1000)
  void mutatedTransactionsAreRejectedWithTypedExceptions(@ForAll("mutations") Mutation mutation,
      @ForAll @IntRange(max = 3) int which) {
    decodeTransaction(mutation.apply(VALID_TRANSACTIONS.get(which)));
  }

  @Property(tries = 1000)
  void mutatedHeadersAreRejectedWithTypedExceptions(@ForAll("mutations") Mutation mutation) {
    decodeHeader(mutation.apply(VALID_HEADER));
  }

  private static void decodeTransaction(byte[] input) {
    try {
      Transaction transaction = TransactionDecoder.decode(input);
      assertThat(transaction.encoded()).isEqualTo(input);
    } catch (InvalidTransactionException expected) {
      assertThat(expected.reason()).isNotNull();
    }
  }

  private static void decodeHeader(byte[] input) {
    try {
      BlockHeader header = BlockHeader.decode(input);
      assertThat(header.encode()).isEqualTo(input);
    } catch (InvalidBlockHeaderException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    return net.jqwik.api.Combinators.combine(
        Arbitraries.integers().between(0, 3),
        Arbitraries.integers().between(0, 100_000),
        Arbitraries.bytes(),
        Arbitraries.integers().between(1, 4)).as(Mutation::new);
  }

  /** Truncate (0), overwrite (1), insert (2) or delete (3) {@code count} bytes at a position. */
  record Mutation(int kind, int position, byte value, int count) {
    byte[] apply(byte[] valid) {
      int at = position % valid.length;
      return switch (kind) {
        case 0 -> Arrays.copyOf(valid, at);
        case 1 -> {
          byte[] copy = valid.clone();
          for (int i = at; i < Math.min(valid.length, at + count); i++) {
            copy[i] = (byte) (value + i);
          }
          yield copy;
        }
        case 2 -> {
          byte[] copy = new byte[valid.length + count];
          System.arraycopy(valid, 0, copy, 0, at);
          Arrays.fill(copy, at, at + count, value);
          System.arraycopy(valid, at, copy, at + count, valid.length - at);
          yield copy;
        }
        default -> {
          int removed = Math.min(count, valid.length - at);
          byte[] copy = new byte[valid.length - removed];
          System.arraycopy(valid, 0, copy, 0, at);
          System.arraycopy(valid, at + removed, copy, at, valid.length - at - removed);
          yield copy;
        }
      };
    }
  }
}
