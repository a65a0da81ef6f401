package io.tandem.media.jitter;

/**
 * Counters of one jitter buffer.
 *
 * @param received packets offered and kept
 * @param played packets played in their slot
 * @param lost slots whose packet never came while later ones had (concealed or silent)
 * @param late packets that came after their slot had been played or concealed, dropped
 * @param duplicates packets offered twice, dropped
 * @param underruns slots with nothing buffered at all
 * @param discarded packets dropped because the buffer held more than its capacity
 */
public record JitterStats(
    long received,
    long played,
    long lost,
    long late,
    long duplicates,
    long underruns,
    long discarded) {}
