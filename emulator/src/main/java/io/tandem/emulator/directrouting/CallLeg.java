package io.tandem.emulator.directrouting;

import io.tandem.emulator.directrouting.sip.IncomingRequest;

/** A SIP dialog the emulator is part of, which hears the in-dialog requests sent to it. */
interface CallLeg {

  /** An in-dialog request (ACK, BYE, CANCEL, re-INVITE, UPDATE, INFO, REFER, NOTIFY). */
  void onRequest(IncomingRequest request);
}
