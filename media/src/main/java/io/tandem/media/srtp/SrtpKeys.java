package io.tandem.media.srtp;

/**
 * The keys of one SRTP session as SDES settles them: each side encrypts what it sends with the key
 * of its own {@code a=crypto} line.
 *
 * @param suite the suite both lines name
 * @param local the key Tandem sends with (its own {@code a=crypto})
 * @param remote the key the far end sends with (the far end's {@code a=crypto})
 * @param remoteMkiLength bytes of the master key identifier the far end puts in each packet (its
 *     line's {@code |MKI:length}), 0 for none; Tandem never sends one
 */
public record SrtpKeys(SrtpSuite suite, MasterKey local, MasterKey remote, int remoteMkiLength) {

  /** Keys without an MKI. */
  public SrtpKeys(SrtpSuite suite, MasterKey local, MasterKey remote) {
    this(suite, local, remote, 0);
  }

  public SrtpKeys {
    if (remoteMkiLength < 0 || remoteMkiLength > 128) {
      throw new IllegalArgumentException("an MKI is 0..128 bytes, not " + remoteMkiLength);
    }
  }
}
