/**
 * G.711 speech codecs (ITU-T G.711): µ-law (PCMU, RTP payload type 0) and A-law (PCMA, payload type
 * 8), converting 16-bit linear PCM to and from one byte per sample by table.
 */
@NullMarked
package io.tandem.media.codec;

import org.jspecify.annotations.NullMarked;
