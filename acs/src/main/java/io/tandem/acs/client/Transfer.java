package io.tandem.acs.client;

import org.jspecify.annotations.Nullable;

/**
 * A transfer of the call to {@code target}; {@code transferee} is who is transferred (the other
 * party of a 1:1 call when null), {@code sourceCallerIdNumber} (E.164) the caller id a PSTN target
 * sees.
 */
public record Transfer(
    Identifier target,
    @Nullable Identifier transferee,
    @Nullable String sourceCallerIdNumber,
    @Nullable CustomCallingContext context,
    @Nullable String operationContext) {

  /** A transfer of the other party to {@code target}, nothing else set. */
  public static Transfer to(Identifier target) {
    return new Transfer(target, null, null, null, null);
  }
}
