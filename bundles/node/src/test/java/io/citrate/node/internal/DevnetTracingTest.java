package io.citrate.node.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.tx.Transaction;
import io.citrate.node.api.AcceptedTransaction;
import io.citrate.node.api.BlockAcceptance;
import io.citrate.node.internal.production.BlockImport;
import io.citrate.store.api.MemoryKeyValueStore;
import io.citrate.vm.api.ExecutionTracer;
import io.citrate.vm.api.FrameEnd;
import io.citrate.vm.api.FrameStart;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevnetTracingTest {
  private final Devnet devnet = new Devnet(new MemoryKeyValueStore(), ProductionSettings.Mode.OFF);

  @Test
  void replaysEachTransactionWhereTheSelectedChainAcceptedItMergedBlocksIncluded() {
    Transaction first = devnet.transfer(Devnet.ALICE, 0, Devnet.CAROL, Wei.ONE, 2);
    devnet.node.admit(first.encoded());
    BlockImport.Arrival left = devnet.producer.build().orElseThrow();
    Transaction parallel = devnet.transfer(Devnet.BOB, 0, Devnet.CAROL, Wei.of(2), 2);
    devnet.node.admit(parallel.encoded());
    BlockImport.Arrival right = devnet.producer.build().orElseThrow();
    devnet.importBlock(left);
    devnet.importBlock(right);
    Transaction own = devnet.transfer(Devnet.ALICE, 1, Devnet.CAROL, Wei.of(3), 2);
    devnet.node.admit(own.encoded());
    Hash merging = devnet.node.produceBlock();
    BlockAcceptance merged = devnet.node.acceptance(merging).orElseThrow();
    assertThat(merged.transactions()).extracting(accepted -> accepted.transaction().hash()).contains(own.hash());

    for (Transaction transaction : List.of(first, parallel, own)) {
      FrameRecorder recorder = new FrameRecorder();
      AcceptedTransaction traced = devnet.node.traceTransaction(transaction.hash(), recorder).orElseThrow();
      assertThat(traced.transaction().hash()).isEqualTo(transaction.hash());
      assertThat(recorder.starts).singleElement().satisfies(start -> {
        assertThat(start.from()).isEqualTo(transaction.sender());
        assertThat(start.to()).isEqualTo(Devnet.CAROL);
        assertThat(start.value()).isEqualTo(transaction.value());
      });
      assertThat(recorder.ends).singleElement().satisfies(end -> assertThat(end.success()).isTrue());
    }
    assertThat(devnet.node.traceTransaction(Hash.ZERO, new FrameRecorder())).isEmpty();
  }

  @Test
  void aTransactionStillInThePoolHasNothingToReplay() {
    Transaction pending = devnet.transfer(Devnet.ALICE, 0, Devnet.CAROL, Wei.ONE, 2);
    devnet.node.admit(pending.encoded());
    FrameRecorder recorder = new FrameRecorder();
    assertThat(devnet.node.traceTransaction(pending.hash(), recorder)).isEmpty();
    assertThat(recorder.starts).isEmpty();
  }

  private static final class FrameRecorder implements ExecutionTracer {
    private final List<FrameStart> starts = new ArrayList<>();
    private final List<FrameEnd> ends = new ArrayList<>();

    @Override
    public void enterFrame(FrameStart frame) {
      starts.add(frame);
    }

    @Override
    public void exitFrame(FrameEnd frame) {
      ends.add(frame);
    }
  }
}
