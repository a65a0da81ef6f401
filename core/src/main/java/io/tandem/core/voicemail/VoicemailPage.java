package io.tandem.core.voicemail;

import java.util.List;

/**
 * One page of a mailbox listing, newest first.
 *
 * @param total how many messages match the filter in all
 */
public record VoicemailPage(List<VoicemailMessage> messages, int offset, int limit, long total) {
  public VoicemailPage {
    messages = List.copyOf(messages);
  }
}
