package io.citrate.consensus;

import io.citrate.consensus.api.ExecutionStage;

/** For tests of the DAG alone: blocks carry no transactions, so execution stages nothing. */
public final class DagOnly {
  public static final ExecutionStage NO_EXECUTION = (block, committed, batch) -> { };

  private DagOnly() {}
}
