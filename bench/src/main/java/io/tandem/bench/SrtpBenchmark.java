package io.tandem.bench;

import io.tandem.media.rtp.RtpPacket;
import io.tandem.media.srtp.MasterKey;
import io.tandem.media.srtp.SrtpProtector;
import io.tandem.media.srtp.SrtpSuite;
import io.tandem.media.srtp.SrtpUnprotector;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of SRTP (AES_CM_128_HMAC_SHA1_80) per 20 ms PCMU packet (12-byte header, 160-byte
 * payload), as an {@code RtpSession} pays it: {@code plainWrite} writes the packet into a buffer
 * (what a plain send does before the socket), {@code protect} writes it and protects it (what an
 * SRTP send does), {@code protectAndUnprotect} adds the receiver's authentication and decryption.
 * Each op is a new sequence number, so the rollover counter and replay window work as on a call.
 * {@code contexts} spreads the ops over that many keys in turn, as a node sending to 2,000 callers
 * does (each with its own cipher and MAC state, so caches are colder than with one).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1)
@State(Scope.Thread)
public class SrtpBenchmark {

  @Param({"1", "2000"})
  public int contexts;

  private final byte[] buffer = new byte[1500];
  private RtpPacket packet;
  private SrtpProtector[] protectors;
  private SrtpUnprotector[] unprotectors;
  private int next;
  private int sequence;

  @Setup
  public void setUp() {
    Random random = new Random(1);
    protectors = new SrtpProtector[contexts];
    unprotectors = new SrtpUnprotector[contexts];
    for (int i = 0; i < contexts; i++) {
      MasterKey key = MasterKey.random(random);
      protectors[i] = new SrtpProtector(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key);
      unprotectors[i] = new SrtpUnprotector(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key);
    }
    byte[] payload = new byte[160];
    new Random(2).nextBytes(payload);
    packet = RtpPacket.of(false, 0, 0, 0, 0x1234_5678L, payload);
  }

  @Benchmark
  public int plainWrite() {
    return write();
  }

  @Benchmark
  public int protect() {
    int length = write();
    return protectors[next].protect(buffer, length);
  }

  @Benchmark
  public int protectAndUnprotect() {
    int length = write();
    length = protectors[next].protect(buffer, length);
    return unprotectors[next].unprotect(buffer, length);
  }

  private int write() {
    next = (next + 1) % contexts;
    if (next == 0) {
      sequence = (sequence + 1) & 0xFFFF;
    }
    RtpPacket next = packet.withStream(false, sequence, 160L * sequence, packet.ssrc());
    next.writeTo(ByteBuffer.wrap(buffer));
    return next.encodedLength();
  }
}
