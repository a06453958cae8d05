package io.citrate.vm.api;

import io.citrate.core.api.Bytes;
import io.citrate.core.api.tx.AccessListEntry;
import java.util.List;
import java.util.Objects;

/**
 * What running a {@link CallMessage} produced. Nothing was written anywhere.
 *
 * @param status how it ended
 * @param gasUsed gas it used after refunds, as a receipt would say; zero when it did not run
 * @param gasRefunded the refund already deducted from {@code gasUsed}
 * @param output the return data on success, the revert data on a revert, else empty
 * @param failure why it did not succeed, in geth's words ("execution reverted", "out of gas",
 *     "insufficient funds for gas * price + value: ..."); empty on success
 * @param logs the logs it emitted on success; none otherwise
 * @param accessed the message's access list extended by the accounts and storage slots it read or wrote, in
 *     first-access order, even in frames that reverted: the access list geth's tracer builds. An account only
 *     named or touched as the sender, the recipient (or created contract) or a precompile is left out, since it
 *     is warm anyway; its storage slots are not
 */
public record CallResult(CallStatus status, long gasUsed, long gasRefunded, byte[] output, String failure,
    List<Log> logs, List<AccessListEntry> accessed) {
  public CallResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(failure, "failure");
    output = output.clone();
    logs = List.copyOf(logs);
    accessed = List.copyOf(accessed);
  }

  /** A message that could not run at all. */
  public static CallResult notRun(CallStatus status, String failure) {
    return new CallResult(status, 0, 0, Bytes.EMPTY, failure, List.of(), List.of());
  }

  public boolean success() {
    return status == CallStatus.SUCCESS;
  }

  @Override
  public byte[] output() {
    return output.clone();
  }
}
