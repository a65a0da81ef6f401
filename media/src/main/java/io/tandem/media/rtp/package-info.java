/**
 * RTP (RFC 3550): the packet format, its parser and writer, serial-number arithmetic on sequence
 * numbers and timestamps, and the UDP session that sends paced frames and receives packets.
 */
@NullMarked
package io.tandem.media.rtp;

import org.jspecify.annotations.NullMarked;
