package io.tandem.media.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IceLiteAgentTest {

  private static final InetSocketAddress FORK_A = new InetSocketAddress("127.0.0.1", 50001);
  private static final InetSocketAddress FORK_B = new InetSocketAddress("127.0.0.1", 50002);

  private final Random random = new Random(7);
  private final List<InetSocketAddress> mediaTargets = new ArrayList<>();
  private final IceLiteAgent agent = new IceLiteAgent(random, mediaTargets::add);
  private final IceCredentials teams = IceCredentials.random(random);

  @Test
  void localCredentials_haveIceLengths() {
    assertThat(agent.local().ufrag()).hasSize(IceCredentials.UFRAG_LENGTH);
    assertThat(agent.local().pwd()).hasSizeGreaterThanOrEqualTo(22);
    assertThat(agent.local().ufrag() + agent.local().pwd()).matches("[A-Za-z0-9+/]+");
  }

  @Test
  void validCheck_getsSuccessWithMappedAddressIntegrityAndFingerprint() throws Exception {
    agent.remote(teams);
    ControllingCheck check = check(teams, false);

    byte[] response = answer(check.request(), FORK_A);

    assertThat(check.judge(response, response.length))
        .isEqualTo(ControllingCheck.Outcome.SUCCEEDED);
    StunMessage read = StunMessage.parse(response, response.length);
    assertThat(read.xorMappedAddress()).contains(FORK_A);
    assertThat(read.fingerprintMatches()).isTrue();
    assertThat(agent.state()).isEqualTo(IceLiteState.CHECKING);
    assertThat(mediaTargets).isEmpty();
    assertThat(agent.stats()).isEqualTo(new IceStats(1, 0, 0, 0));
  }

  @Test
  void nominatingCheck_latchesMediaOnItsSource() {
    agent.remote(teams);

    answer(check(teams, true).request(), FORK_A);

    assertThat(agent.state()).isEqualTo(IceLiteState.NOMINATED);
    assertThat(agent.nominated()).contains(FORK_A);
    assertThat(mediaTargets).containsExactly(FORK_A);
  }

  @Test
  void checksFromTwoForks_beforeTheAnswer_areAnswered_andTheLaterNominationWins() {
    IceCredentials forkB = IceCredentials.random(random);

    byte[] fromA = answer(check(teams, true).request(), FORK_A);
    byte[] fromB = answer(check(forkB, true).request(), FORK_B);
    answer(check(forkB, true).request(), FORK_B);

    assertThat(StunMessageTypes.of(fromA)).isEqualTo(StunMessage.BINDING_SUCCESS);
    assertThat(StunMessageTypes.of(fromB)).isEqualTo(StunMessage.BINDING_SUCCESS);
    assertThat(mediaTargets).containsExactly(FORK_A, FORK_B);
    assertThat(agent.nominated()).contains(FORK_B);
  }

  @Test
  void afterTheAnswer_checksOfAnnouncedForksPass_andOfUnknownFragments401() {
    IceCredentials forkB = IceCredentials.random(random);
    agent.remote(teams);
    agent.remote(forkB);

    assertThat(StunMessageTypes.of(answer(check(teams, false).request(), FORK_A)))
        .isEqualTo(StunMessage.BINDING_SUCCESS);
    assertThat(StunMessageTypes.of(answer(check(forkB, false).request(), FORK_B)))
        .isEqualTo(StunMessage.BINDING_SUCCESS);
    byte[] stranger = answer(check(IceCredentials.random(random), true).request(), FORK_B);
    assertThat(ControllingCheck.errorCode(stranger, stranger.length)).isEqualTo(401);
    assertThat(mediaTargets).isEmpty();
  }

  @Test
  void wrongPassword_gets401WithoutIntegrity_andNominatesNothing() throws Exception {
    agent.remote(teams);
    IceCredentials forged = new IceCredentials(agent.local().ufrag(), "x".repeat(22));
    ControllingCheck check = new ControllingCheck(teams, forged, 100, 1, true, new byte[12]);

    byte[] response = answer(check.request(), FORK_A);

    StunMessage read = StunMessage.parse(response, response.length);
    assertThat(read.errorCode()).contains(401);
    assertThat(read.hasIntegrity()).isFalse();
    assertThat(read.fingerprintMatches()).isTrue();
    assertThat(agent.state()).isEqualTo(IceLiteState.CHECKING);
    assertThat(mediaTargets).isEmpty();
    assertThat(agent.stats().rejected()).isEqualTo(1);
  }

  @Test
  void wrongLocalFragment_gets401() {
    IceCredentials otherLite = new IceCredentials("abcd", agent.local().pwd());
    byte[] response =
        answer(
            new ControllingCheck(teams, otherLite, 100, 1, true, new byte[12]).request(), FORK_A);

    assertThat(ControllingCheck.errorCode(response, response.length)).isEqualTo(401);
  }

  @Test
  void noUsernameOrNoIntegrity_gets400() {
    byte[] bare =
        StunMessage.of(
                StunMessage.BINDING_REQUEST, new byte[12], List.of(StunAttribute.priority(1)))
            .toBytes(agent.local().key(), true);
    byte[] unsigned =
        StunMessage.of(
                StunMessage.BINDING_REQUEST,
                new byte[12],
                List.of(StunAttribute.username(agent.local().ufrag() + ":" + teams.ufrag())))
            .toBytes(null, true);

    assertThat(ControllingCheck.errorCode(answer(bare, FORK_A), answer(bare, FORK_A).length))
        .isEqualTo(400);
    byte[] response = answer(unsigned, FORK_A);
    assertThat(ControllingCheck.errorCode(response, response.length)).isEqualTo(400);
  }

  @Test
  void peerClaimingControlled_gets487WithIntegrity() throws Exception {
    byte[] request =
        StunMessage.of(
                StunMessage.BINDING_REQUEST,
                new byte[12],
                List.of(
                    StunAttribute.username(agent.local().ufrag() + ":" + teams.ufrag()),
                    StunAttribute.priority(1),
                    StunAttribute.iceControlled(5)))
            .toBytes(agent.local().key(), true);

    byte[] response = answer(request, FORK_A);

    StunMessage read = StunMessage.parse(response, response.length);
    assertThat(read.errorCode()).contains(487);
    assertThat(read.integrityMatches(agent.local().key())).isTrue();
  }

  @Test
  void unknownRequiredAttribute_gets420ListingIt_unknownOptionalIsIgnored() throws Exception {
    String username = agent.local().ufrag() + ":" + teams.ufrag();
    byte[] required =
        StunMessage.of(
                StunMessage.BINDING_REQUEST,
                new byte[12],
                List.of(
                    StunAttribute.username(username),
                    StunAttribute.priority(1),
                    new StunAttribute(0x0077, new byte[4])))
            .toBytes(agent.local().key(), true);
    byte[] optional =
        StunMessage.of(
                StunMessage.BINDING_REQUEST,
                new byte[12],
                List.of(
                    StunAttribute.username(username),
                    StunAttribute.priority(1),
                    new StunAttribute(0xC077, new byte[4])))
            .toBytes(agent.local().key(), true);

    byte[] refused = answer(required, FORK_A);
    StunMessage read = StunMessage.parse(refused, refused.length);
    assertThat(read.errorCode()).contains(420);
    assertThat(read.attribute(StunAttribute.UNKNOWN_ATTRIBUTES).orElseThrow().value())
        .containsExactly(0x00, 0x77);
    assertThat(StunMessageTypes.of(answer(optional, FORK_A)))
        .isEqualTo(StunMessage.BINDING_SUCCESS);
  }

  @Test
  void malformedBadFingerprintAndNonRequests_areDroppedWithoutAnswer() {
    agent.remote(teams);
    byte[] corrupted = check(teams, true).request();
    corrupted[corrupted.length - 1] ^= 1;
    byte[] indication =
        StunMessage.of(StunMessage.BINDING_INDICATION, new byte[12], List.of()).toBytes(null, true);

    assertThat(agent.answer(new byte[] {0, 1, 0}, 3, FORK_A)).isNull();
    assertThat(agent.answer(new byte[64], 64, FORK_A)).isNull();
    assertThat(agent.answer(corrupted, corrupted.length, FORK_A)).isNull();
    assertThat(agent.answer(indication, indication.length, FORK_A)).isNull();
    assertThat(agent.stats().dropped()).isEqualTo(4);
    assertThat(mediaTargets).isEmpty();
  }

  @Test
  void randomJunk_neverThrows() {
    Random junk = new Random(11);
    for (int i = 0; i < 10_000; i++) {
      byte[] datagram = new byte[junk.nextInt(120)];
      junk.nextBytes(datagram);
      if (datagram.length > 0) {
        datagram[0] &= 0x03;
      }
      if (datagram.length >= 8 && junk.nextBoolean()) {
        datagram[4] = 0x21;
        datagram[5] = 0x12;
        datagram[6] = (byte) 0xa4;
        datagram[7] = 0x42;
      }
      agent.answer(datagram, datagram.length, FORK_A);
    }
    assertThat(mediaTargets).isEmpty();
  }

  @Test
  void iceRestart_changesLocalCredentials_oldOnes401_newOnesNominate() {
    agent.remote(teams);
    answer(check(teams, true).request(), FORK_A);
    IceCredentials before = agent.local();
    IceCredentials restarted = IceCredentials.random(random);

    assertThat(agent.restartedBy(teams)).isFalse();
    assertThat(agent.restartedBy(restarted)).isTrue();
    IceCredentials after = agent.restart(restarted);

    assertThat(after).isNotEqualTo(before).isEqualTo(agent.local());
    assertThat(agent.state()).isEqualTo(IceLiteState.CHECKING);
    assertThat(agent.nominated()).contains(FORK_A);
    byte[] stale =
        answer(new ControllingCheck(teams, before, 1, 1, true, new byte[12]).request(), FORK_B);
    assertThat(ControllingCheck.errorCode(stale, stale.length)).isEqualTo(401);
    answer(check(restarted, true).request(), FORK_B);
    assertThat(mediaTargets).containsExactly(FORK_A, FORK_B);
    assertThat(agent.state()).isEqualTo(IceLiteState.NOMINATED);
  }

  @Test
  void renominatingTheSamePair_doesNotMoveMediaAgain() {
    agent.remote(teams);
    answer(check(teams, true).request(), FORK_A);
    answer(check(teams, true).request(), FORK_A);

    assertThat(mediaTargets).containsExactly(FORK_A);
    assertThat(agent.stats().nominations()).isEqualTo(2);
  }

  @Test
  void responseWithWrongIntegrity_isJudgedBadIntegrity() {
    agent.remote(teams);
    ControllingCheck check = check(teams, false);
    byte[] response = answer(check.request(), FORK_A);
    ControllingCheck believingOtherPassword =
        new ControllingCheck(
            teams,
            new IceCredentials(agent.local().ufrag(), "y".repeat(22)),
            1,
            1,
            false,
            check.transactionId());

    assertThat(believingOtherPassword.judge(response, response.length))
        .isEqualTo(ControllingCheck.Outcome.BAD_INTEGRITY);
  }

  private ControllingCheck check(IceCredentials from, boolean nominate) {
    return ControllingCheck.of(from, agent.local(), 0x6e0001ffL, 42, nominate, random);
  }

  private byte[] answer(byte[] request, InetSocketAddress from) {
    byte[] response = agent.answer(request, request.length, from);
    assertThat(response).as("a response").isNotNull();
    return response;
  }

  /** Reads a response's message type. */
  private static final class StunMessageTypes {
    static int of(byte[] message) {
      return ((message[0] & 0xff) << 8) | (message[1] & 0xff);
    }
  }
}
