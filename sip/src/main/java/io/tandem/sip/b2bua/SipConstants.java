package io.tandem.sip.b2bua;

import io.tandem.sip.stack.InboundResponse;
import io.tandem.sip.stack.ResponseHandler;
import io.tandem.sip.stack.SipHeader;

/** Header values every leg writes the same way. */
final class SipConstants {

  /** The methods Tandem takes (REFER: Teams transfers through the SBC, RFC 5589). */
  static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE, REFER, NOTIFY";

  /** Responses nobody waits for (BYE, CANCEL). */
  static final ResponseHandler IGNORE =
      new ResponseHandler() {
        @Override
        public void onResponse(InboundResponse response) {}

        @Override
        public void onTimeout() {}
      };

  private SipConstants() {}

  static SipHeader contact(String contact) {
    return SipHeader.of("Contact", contact);
  }
}
