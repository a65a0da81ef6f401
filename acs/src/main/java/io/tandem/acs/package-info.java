/**
 * The Unify adapter: Teams Phone extensibility through Azure Communication Services Call
 * Automation. Tandem answers calls to a Teams resource account, runs the virtual assistant with
 * play/recognize, adds the chosen agent as a participant, and takes the live transcription and
 * media it needs for call summaries.
 */
@NullMarked
package io.tandem.acs;

import org.jspecify.annotations.NullMarked;
