package io.tandem.emulator.directrouting;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.time.ManualScheduler;
import io.tandem.media.ice.IceCredentials;
import io.tandem.media.ice.IceLiteAgent;
import io.tandem.media.ice.StunAttribute;
import io.tandem.media.ice.StunMessage;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Teams client's controlling ICE against a real UDP "SBC": an {@link IceLiteAgent} that answers
 * (success), a forger whose responses fail integrity, and silence.
 */
class TeamsMediaIceTest {

  private final Random random = new Random(9);
  private final ManualScheduler scheduler = new ManualScheduler(Instant.EPOCH);
  private final ExecutorService call = Executors.newSingleThreadExecutor();
  private final List<String> journal = Collections.synchronizedList(new ArrayList<>());
  private final CompletableFuture<String> outcome = new CompletableFuture<>();
  private RtpMediaLegs legs;
  private MediaLeg leg;
  private TeamsMediaIce ice;
  private DatagramChannel sbc;

  @BeforeEach
  void open() throws Exception {
    legs = new RtpMediaLegs("127.0.0.1");
    leg = legs.open("silence");
    ice =
        new TeamsMediaIce(
            leg, scheduler, call::execute, (kind, attributes) -> journal.add(kind + attributes));
    sbc = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
  }

  @AfterEach
  void close() throws Exception {
    call.submit(ice::close).get(5, TimeUnit.SECONDS);
    call.shutdownNow();
    leg.close();
    legs.close();
    sbc.close();
  }

  @Test
  void liteSbcAnswering_checkThenNomination_succeed() throws Exception {
    IceLiteAgent agent = new IceLiteAgent(random, address -> {});
    Thread.ofVirtual().start(() -> serve(agent, Integer.MAX_VALUE));

    start(agent.local());

    assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo("succeeded");
    assertThat(agent.stats().answered()).isEqualTo(2);
    assertThat(agent.stats().nominations()).isEqualTo(1);
    assertThat(agent.nominated()).contains(new InetSocketAddress("127.0.0.1", leg.localPort()));
    assertThat(journal).hasSize(2);
    assertThat(journal.get(0)).startsWith("ice.checkSucceeded");
    assertThat(journal.get(1)).startsWith("ice.nominated");
  }

  @Test
  void wrongSbcPassword_theSbcs401_failsIce() throws Exception {
    IceLiteAgent agent = new IceLiteAgent(random, address -> {});
    Thread.ofVirtual().start(() -> serve(agent, Integer.MAX_VALUE));

    start(new IceCredentials(agent.local().ufrag(), "believedbelievedbelieve"));

    assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo("error response");
    assertThat(journal).singleElement().asString().contains("ice.failed").contains("401");
    assertThat(agent.nominated()).isEmpty();
  }

  @Test
  void successSignedWithAnotherPassword_failsIce() throws Exception {
    IceCredentials believed = IceCredentials.random(random);
    Thread.ofVirtual().start(this::answerWithForgedIntegrity);

    start(believed);

    assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo("response failed MESSAGE-INTEGRITY");
    assertThat(journal).singleElement().asString().startsWith("ice.failed");
  }

  @Test
  void silentSbc_isCheckedFiveTimes_thenIceFails() throws Exception {
    IceCredentials believed = IceCredentials.random(random);
    start(believed);

    for (int step = 0; step < 100 && !outcome.isDone(); step++) {
      call.submit(() -> {}).get(5, TimeUnit.SECONDS);
      scheduler.advance(Duration.ofMillis(100));
    }

    assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo("no response to 5 transmissions");
    int received = 0;
    sbc.configureBlocking(false);
    ByteBuffer buffer = ByteBuffer.allocate(1500);
    while (sbc.receive(buffer) != null) {
      received++;
      buffer.clear();
    }
    assertThat(received).isEqualTo(TeamsMediaIce.RETRANSMISSIONS.size());
  }

  @Test
  void sbcIce_isReadFromALiteOffer_andNotFromAnOfferWithoutCandidate() {
    Sdp lite =
        Sdp.parse(
            "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "a=ice-lite\r\nm=audio 20000 RTP/SAVP 0\r\na=ice-ufrag:abcd\r\n"
                + "a=ice-pwd:0123456789012345678901\r\n"
                + "a=candidate:1 1 UDP 2130706431 127.0.0.1 20000 typ host\r\n");
    Sdp withoutCandidate =
        Sdp.parse(
            "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "a=ice-lite\r\nm=audio 20000 RTP/SAVP 0\r\na=ice-ufrag:abcd\r\n"
                + "a=ice-pwd:0123456789012345678901\r\n");

    assertThat(TeamsMediaIce.SbcIce.of(lite))
        .contains(
            new TeamsMediaIce.SbcIce(
                new IceCredentials("abcd", "0123456789012345678901"),
                new InetSocketAddress("127.0.0.1", 20000),
                true));
    assertThat(TeamsMediaIce.SbcIce.of(withoutCandidate)).isEmpty();
  }

  private void start(IceCredentials sbcCredentials) throws Exception {
    InetSocketAddress candidate = (InetSocketAddress) sbc.getLocalAddress();
    TeamsMediaIce.SbcIce target = new TeamsMediaIce.SbcIce(sbcCredentials, candidate, true);
    call.submit(
            () ->
                ice.start(
                    target,
                    () -> outcome.complete("succeeded"),
                    reason -> outcome.complete(reason)))
        .get(5, TimeUnit.SECONDS);
  }

  /** Answers up to {@code count} datagrams with {@code agent}, from the SBC's socket. */
  private void serve(IceLiteAgent agent, int count) {
    ByteBuffer buffer = ByteBuffer.allocate(1500);
    try {
      for (int i = 0; i < count; i++) {
        buffer.clear();
        InetSocketAddress from = (InetSocketAddress) sbc.receive(buffer);
        byte[] response = agent.answer(buffer.array(), buffer.position(), from);
        if (response != null) {
          sbc.send(ByteBuffer.wrap(response), from);
        }
      }
    } catch (java.io.IOException closed) {
      // the test ended
    }
  }

  /** Answers the first check with a success response signed under a password nobody announced. */
  private void answerWithForgedIntegrity() {
    ByteBuffer buffer = ByteBuffer.allocate(1500);
    try {
      InetSocketAddress from = (InetSocketAddress) sbc.receive(buffer);
      StunMessage request = StunMessage.parse(buffer.array(), buffer.position());
      byte[] response =
          StunMessage.of(
                  StunMessage.BINDING_SUCCESS,
                  request.transactionId(),
                  List.of(StunAttribute.xorMappedAddress(from, request.transactionId())))
              .toBytes("forgedforgedforgedforged".getBytes(), true);
      sbc.send(ByteBuffer.wrap(response), from);
    } catch (Exception closedOrMalformed) {
      // the test ended, or fails on its outcome
    }
  }
}
