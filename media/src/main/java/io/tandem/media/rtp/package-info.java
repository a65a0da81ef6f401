/**
 * The RTP packet format (RFC 3550): the packet record, its parser and writer, and serial-number
 * arithmetic on sequence numbers and timestamps.
 */
@NullMarked
package io.tandem.media.rtp;

import org.jspecify.annotations.NullMarked;
