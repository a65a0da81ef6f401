package io.tandem.sip.b2bua;

import java.util.concurrent.ThreadLocalRandom;

/** Random tags and Call-IDs (RFC 3261 §19.3: at least 32 bits of randomness). */
final class ContextIds {

  private ContextIds() {}

  static String tag() {
    return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
  }

  static String callId() {
    return tag() + tag() + "@tandem";
  }
}
