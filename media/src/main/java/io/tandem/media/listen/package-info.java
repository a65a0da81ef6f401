/**
 * Listening to what a session receives, decoded and paced: in-band DTMF detection on a session's
 * audio, for callers and gateways that do not send RFC 4733 events.
 */
@NullMarked
package io.tandem.media.listen;

import org.jspecify.annotations.NullMarked;
