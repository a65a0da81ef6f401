/**
 * Joining calls: {@link io.tandem.media.bridge.RelayBridge} relays packets between two sessions
 * without decoding (transcoding only between PCMU and PCMA), renumbering each into the receiving
 * leg's own stream so both far ends see one continuous stream across re-bridges.
 */
@NullMarked
package io.tandem.media.bridge;

import org.jspecify.annotations.NullMarked;
