package io.tandem.media.session;

import io.tandem.media.codec.G711;
import io.tandem.media.dtmf.DtmfSender;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * How an {@link RtpSession} binds, encodes and stamps its stream.
 *
 * @param bindAddress the local address and port (port 0: any free port); default 127.0.0.1:0
 * @param codec the audio codec sent and expected (default PCMU)
 * @param dtmf the telephone-event payload type and digit length (default 101, 100 ms)
 * @param symmetricLatching send to the address packets actually come from (RFC 4961 symmetric RTP,
 *     for callers behind NAT); default on
 * @param silenceSuppression send no packets while the audio is silent ({@link
 *     io.tandem.media.silence.VoiceActivityDetector}), one RFC 3389 comfort-noise packet at the
 *     start of each silence instead; default off
 * @param random the source of the random SSRC, first sequence number and first timestamp (RFC 3550
 *     §5.1); default a {@link SecureRandom}, injected for repeatable tests
 */
public record RtpSessionOptions(
    InetSocketAddress bindAddress,
    G711 codec,
    DtmfSender dtmf,
    boolean symmetricLatching,
    boolean silenceSuppression,
    RandomGenerator random) {

  /** Loopback, any port, PCMU, telephone-event 101, latching on. */
  public static RtpSessionOptions defaults() {
    return new RtpSessionOptions(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
        G711.PCMU,
        DtmfSender.DEFAULT,
        true,
        false,
        new SecureRandom());
  }

  /** These options bound to {@code address}. */
  public RtpSessionOptions withBindAddress(InetSocketAddress address) {
    return new RtpSessionOptions(
        address, codec, dtmf, symmetricLatching, silenceSuppression, random);
  }

  /** These options with codec {@code newCodec}. */
  public RtpSessionOptions withCodec(G711 newCodec) {
    return new RtpSessionOptions(
        bindAddress, newCodec, dtmf, symmetricLatching, silenceSuppression, random);
  }

  /** These options with telephone-events made by {@code newDtmf}. */
  public RtpSessionOptions withDtmf(DtmfSender newDtmf) {
    return new RtpSessionOptions(
        bindAddress, codec, newDtmf, symmetricLatching, silenceSuppression, random);
  }

  /** These options with symmetric latching on or off. */
  public RtpSessionOptions withSymmetricLatching(boolean latching) {
    return new RtpSessionOptions(bindAddress, codec, dtmf, latching, silenceSuppression, random);
  }

  /** These options with silence suppression on or off. */
  public RtpSessionOptions withSilenceSuppression(boolean suppression) {
    return new RtpSessionOptions(bindAddress, codec, dtmf, symmetricLatching, suppression, random);
  }

  /** These options drawing SSRC, sequence and timestamp starts from {@code newRandom}. */
  public RtpSessionOptions withRandom(RandomGenerator newRandom) {
    return new RtpSessionOptions(
        bindAddress, codec, dtmf, symmetricLatching, silenceSuppression, newRandom);
  }
}
