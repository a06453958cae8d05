package io.citrate.consensus.internal.ghostdag;

import io.citrate.core.api.Hash;
import java.util.List;

/** Why GHOSTDAG refused a block's parents: the closed set of GHOSTDAG rule violations. */
public abstract sealed class GhostdagRuleException extends RuntimeException {

  private GhostdagRuleException(String message) {
    super(message);
  }

  /** A block other than genesis names no parents. */
  public static final class NoParents extends GhostdagRuleException {
    public NoParents() {
      super("a block other than genesis must name at least one parent");
    }
  }

  /** A block names the same parent twice. */
  public static final class DuplicateParent extends GhostdagRuleException {
    public DuplicateParent(Hash parent) {
      super("parent " + parent + " is named twice");
    }
  }

  /** A parent has no GHOSTDAG data yet: it is unknown or not processed. */
  public static final class UnknownParent extends GhostdagRuleException {
    public UnknownParent(Hash parent) {
      super("parent " + parent + " is unknown");
    }
  }

  /** A parent lies in the past of the selected parent, so the parents are not an antichain. */
  public static final class ParentInSelectedParentPast extends GhostdagRuleException {
    private final transient Hash parent;
    private final transient Hash selectedParent;

    public ParentInSelectedParentPast(Hash parent, Hash selectedParent) {
      super("parent " + parent + " is in the past of the selected parent " + selectedParent);
      this.parent = parent;
      this.selectedParent = selectedParent;
    }

    public Hash parent() {
      return parent;
    }

    public Hash selectedParent() {
      return selectedParent;
    }
  }

  /** The mergeset, selected parent included, holds more blocks than the limit allows. */
  public static final class MergesetTooLarge extends GhostdagRuleException {
    private final int limit;

    public MergesetTooLarge(List<Hash> parents, int limit) {
      super("the mergeset of parents " + parents + " exceeds the limit of " + limit + " blocks");
      this.limit = limit;
    }

    public int limit() {
      return limit;
    }
  }
}
