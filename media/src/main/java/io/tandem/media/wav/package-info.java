/**
 * WAV files (RIFF/WAVE): reading 16-bit PCM, µ-law and A-law into 8 kHz-ready mono audio, writing
 * 16-bit PCM and µ-law (whole or streamed with the header patched on close), and a windowed-sinc
 * resampler to bring common rates down to 8 kHz.
 */
@NullMarked
package io.tandem.media.wav;

import org.jspecify.annotations.NullMarked;
