package io.tandem.emulator.directrouting;

/** What the party that placed a Teams → SBC call hears of it, on the call's serial executor. */
interface OutboundListener {

  default void answered(OutboundCall call) {}

  default void failed(OutboundCall call, int status) {}

  default void ended(OutboundCall call) {}
}
