package io.citrate.tensor.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Outcomes of one conformance run, grouped by backend and mode, and their summary tables. */
final class ConformanceReport {
  enum Status {
    PASSED,
    FAILED,
    NOT_APPLICABLE
  }

  record Outcome(String run, String operator, String test, Status status, String detail, int oneUnitDifferences) {}

  private final List<Outcome> outcomes = new ArrayList<>();

  synchronized void add(Outcome outcome) {
    outcomes.add(outcome);
  }

  /** A table per run (op, passed, failed, not applicable), its totals, and every failure and exclusion. */
  synchronized String render() {
    Map<String, List<Outcome>> byRun = new TreeMap<>();
    for (Outcome outcome : outcomes) {
      byRun.computeIfAbsent(outcome.run(), run -> new ArrayList<>()).add(outcome);
    }
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, List<Outcome>> run : byRun.entrySet()) {
      renderRun(text, run.getKey(), run.getValue());
    }
    return text.toString();
  }

  private static void renderRun(StringBuilder text, String run, List<Outcome> outcomes) {
    boolean exact = run.endsWith("EXACT");
    Map<String, int[]> byOperator = new TreeMap<>();
    int[] totals = new int[5];
    for (Outcome outcome : outcomes) {
      int[] counts = byOperator.computeIfAbsent(outcome.operator(), op -> new int[5]);
      counts[outcome.status().ordinal()]++;
      totals[outcome.status().ordinal()]++;
      if (outcome.oneUnitDifferences() > 0) {
        counts[3]++;
        totals[3]++;
        counts[4] += outcome.oneUnitDifferences();
        totals[4] += outcome.oneUnitDifferences();
      }
    }
    text.append("\nONNX node conformance: ").append(run).append('\n');
    String header = String.format("%-20s %7s %7s %15s", "op", "passed", "failed", "not applicable");
    if (exact) {
      header += String.format(" %28s", "passed with 1-unit diffs");
    }
    text.append(header).append('\n');
    for (Map.Entry<String, int[]> row : byOperator.entrySet()) {
      int[] counts = row.getValue();
      text.append(String.format("%-20s %7d %7d %15d", row.getKey(), counts[0], counts[1], counts[2]));
      if (exact) {
        text.append(String.format(" %13d (%d elements)", counts[3], counts[4]));
      }
      text.append('\n');
    }
    text.append(String.format("%s: %d passed, %d failed, %d not applicable", run, totals[0], totals[1],
        totals[2]));
    if (exact) {
      text.append(String.format("; %d passing tests had 1-unit differences (%d elements in all)", totals[3],
          totals[4]));
    }
    text.append('\n');
    for (Outcome outcome : outcomes) {
      if (outcome.status() == Status.FAILED) {
        text.append("  FAILED ").append(outcome.test()).append(": ").append(outcome.detail()).append('\n');
      }
    }
    for (Outcome outcome : outcomes) {
      if (outcome.status() == Status.NOT_APPLICABLE) {
        text.append("  NOT APPLICABLE ").append(outcome.test()).append(": ").append(outcome.detail()).append('\n');
      }
    }
    for (Outcome outcome : outcomes) {
      if (outcome.status() == Status.PASSED && outcome.oneUnitDifferences() > 0) {
        text.append("  1-UNIT ").append(outcome.test()).append(": ").append(outcome.oneUnitDifferences())
            .append(" elements one unit off\n");
      }
    }
  }
}
