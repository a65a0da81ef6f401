package io.tandem.media.mix;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.media.audio.FrameFormat;
import io.tandem.media.audio.Goertzel;
import io.tandem.media.audio.ToneSource;
import io.tandem.media.clock.ManualPacer;
import io.tandem.media.codec.G711;
import io.tandem.media.rtp.RtpPacket;
import io.tandem.media.session.RecordingRtpListener;
import io.tandem.media.session.RtpSession;
import io.tandem.media.session.RtpSessionOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three phones, each talking a steady tone to its own conference leg, over 127.0.0.1; one manual
 * pacer ticks phones, legs and the mixer.
 */
class ConferenceTest {

  private static final double[] TONES = {500, 1200, 2000};

  private final ManualPacer pacer = new ManualPacer();
  private final List<RtpSession> sessions = new ArrayList<>();
  private final List<RtpSession> phones = new ArrayList<>();
  private final List<RtpSession> legs = new ArrayList<>();
  private final List<RecordingRtpListener> heardByPhone = new ArrayList<>();
  private final List<RecordingRtpListener> heardOnLeg = new ArrayList<>();

  @AfterEach
  void closeAll() {
    sessions.forEach(RtpSession::close);
  }

  private void openPhonesAndLegs() throws IOException {
    for (double tone : TONES) {
      RecordingRtpListener phoneEar = new RecordingRtpListener();
      RecordingRtpListener legEar = new RecordingRtpListener();
      RtpSession phone = RtpSession.open(RtpSessionOptions.defaults(), pacer, phoneEar);
      RtpSession leg = RtpSession.open(RtpSessionOptions.defaults(), pacer, legEar);
      phone.connect(leg.localAddress());
      leg.connect(phone.localAddress());
      phone.play(ToneSource.steady(tone, 3000));
      sessions.add(phone);
      sessions.add(leg);
      phones.add(phone);
      legs.add(leg);
      heardByPhone.add(phoneEar);
      heardOnLeg.add(legEar);
    }
  }

  /** Ticks {@code times}, each time waiting until every leg and phone has its packet. */
  private void run(int times) {
    for (int t = 0; t < times; t++) {
      int[] before = heardOnLeg.stream().mapToInt(ear -> ear.packets().size()).toArray();
      int[] phoneBefore = heardByPhone.stream().mapToInt(ear -> ear.packets().size()).toArray();
      pacer.tick();
      for (int i = 0; i < TONES.length; i++) {
        heardOnLeg.get(i).awaitPackets(before[i] + 1);
        heardByPhone.get(i).awaitPackets(phoneBefore[i] + 1);
      }
    }
  }

  /** The last frame phone {@code index} heard, decoded. */
  private short[] lastHeardBy(int index) {
    List<RtpPacket> packets = heardByPhone.get(index).packets();
    return G711.PCMU.decode(packets.getLast().payload());
  }

  private static boolean hears(short[] frame, double hz) {
    return Goertzel.power(frame, hz, FrameFormat.SAMPLE_RATE) > 1e5;
  }

  @Test
  void eachPhone_hearsTheOtherTwo_notItself() throws IOException {
    openPhonesAndLegs();
    Conference conference = Conference.start(pacer);
    legs.forEach(conference::join);

    run(12);

    short[] heardByC = lastHeardBy(2);
    assertThat(hears(heardByC, 500)).as("C hears A").isTrue();
    assertThat(hears(heardByC, 1200)).as("C hears B").isTrue();
    assertThat(hears(heardByC, 2000)).as("C does not hear itself").isFalse();
    short[] heardByA = lastHeardBy(0);
    assertThat(hears(heardByA, 500)).isFalse();
    assertThat(hears(heardByA, 1200)).isTrue();
    assertThat(hears(heardByA, 2000)).isTrue();
    conference.close();
  }

  @Test
  void aMutedPhone_isHeardByNoOne_andStillHearsTheRest() throws IOException {
    openPhonesAndLegs();
    Conference conference = Conference.start(pacer);
    List<Conference.Participant> participants = legs.stream().map(conference::join).toList();

    participants.get(1).mute(true);
    run(12);

    assertThat(hears(lastHeardBy(0), 1200)).isFalse();
    assertThat(hears(lastHeardBy(2), 1200)).isFalse();
    assertThat(hears(lastHeardBy(1), 500)).isTrue();
    assertThat(hears(lastHeardBy(1), 2000)).isTrue();
  }

  @Test
  void leaving_stopsTheLegsAudio_andGivesBackItsListener() throws IOException {
    openPhonesAndLegs();
    Conference conference = Conference.start(pacer);
    Conference.Participant first = conference.join(legs.get(0));

    first.leave();

    assertThat(legs.get(0).listener()).isSameAs(heardOnLeg.get(0));
    assertThat(legs.get(0).playing()).isNull();
    assertThat(conference.participants()).isEmpty();
  }
}
