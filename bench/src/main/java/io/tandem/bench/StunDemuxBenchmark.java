package io.tandem.bench;

import io.tandem.media.ice.ControllingCheck;
import io.tandem.media.ice.DatagramKind;
import io.tandem.media.ice.IceCredentials;
import io.tandem.media.ice.IceLiteAgent;
import io.tandem.media.ice.StunListener;
import io.tandem.media.rtp.MalformedRtpException;
import io.tandem.media.rtp.RtpPacket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What ICE-lite adds to an {@code RtpSession}'s receive path per datagram: {@code rtpParse} is the
 * path before ICE (parse a 20 ms PCMU packet), {@code rtpParseIceOff} and {@code rtpParseIceOn} the
 * same packet behind the demultiplexing test the session now makes (a volatile read of the STUN
 * listener and, with one set, the RFC 7983 first-byte test), and {@code answerCheck} what an {@link
 * IceLiteAgent} spends on one valid connectivity check (parse, FINGERPRINT, HMAC-SHA1 verify, a
 * signed success response).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1)
@State(Scope.Thread)
public class StunDemuxBenchmark {

  private final InetSocketAddress from = new InetSocketAddress("127.0.0.1", 40000);
  private volatile StunListener off;
  private volatile StunListener on;
  private ByteBuffer rtp;
  private IceLiteAgent agent;
  private byte[] check;

  @Setup
  public void setUp() {
    Random random = new Random(1);
    byte[] payload = new byte[160];
    random.nextBytes(payload);
    rtp = ByteBuffer.wrap(RtpPacket.of(false, 0, 1, 160, 0x1234_5678L, payload).toBytes());
    agent = new IceLiteAgent(random, address -> {});
    on = agent;
    IceCredentials teams = IceCredentials.random(random);
    agent.remote(teams);
    check = ControllingCheck.of(teams, agent.local(), 1, 2, false, random).request();
  }

  @Benchmark
  public long rtpParse() throws MalformedRtpException {
    rtp.rewind();
    return RtpPacket.parse(rtp).ssrc();
  }

  @Benchmark
  public long rtpParseIceOff() throws MalformedRtpException {
    return demuxed(off);
  }

  @Benchmark
  public long rtpParseIceOn() throws MalformedRtpException {
    return demuxed(on);
  }

  @Benchmark
  public int answerCheck() {
    return agent.answer(check, check.length, from).length;
  }

  private long demuxed(StunListener listener) throws MalformedRtpException {
    rtp.rewind();
    if (listener != null && rtp.limit() > 0 && DatagramKind.of(rtp.get(0)) == DatagramKind.STUN) {
      return -1;
    }
    return RtpPacket.parse(rtp).ssrc();
  }
}
