/**
 * Call recording: {@link io.tandem.media.record.CallRecorder} writes what each leg of a call says
 * to its own WAV file and both legs summed to a mixed one, off the pacing thread.
 */
@NullMarked
package io.tandem.media.record;

import org.jspecify.annotations.NullMarked;
