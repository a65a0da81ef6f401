package io.tandem.emulator.acs;

import io.tandem.emulator.http.HttpReply;

/** Answers one authenticated Call Automation request; may throw ACS-shaped refusals. */
@FunctionalInterface
interface AcsHandler {
  HttpReply handle(AcsRequest request) throws Exception;
}
