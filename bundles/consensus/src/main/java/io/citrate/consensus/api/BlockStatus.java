package io.citrate.consensus.api;

/** What consensus concluded about a block it has processed. */
public enum BlockStatus {
  /** Passed every rule; stored with its GHOSTDAG data and part of the DAG. */
  VALID,
  /** Broke a rule; only this status and the reason are kept, so the block is not processed again. */
  INVALID
}
