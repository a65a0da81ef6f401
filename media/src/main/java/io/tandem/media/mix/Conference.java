package io.tandem.media.mix;

import io.tandem.media.audio.FrameFormat;
import io.tandem.media.clock.Pacer;
import io.tandem.media.jitter.ReceivedAudio;
import io.tandem.media.session.RtpListener;
import io.tandem.media.session.RtpSession;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An N-party audio conference over RTP sessions: every 20 ms it takes one frame of what each
 * participant said (through a jitter buffer), mixes ({@link FrameMixer#mixMinusOne}) and queues
 * each participant's mix for its session to send.
 *
 * <p>Joining makes the conference the session's audio source and adds a jitter buffer to the
 * session's listener (the old listener keeps hearing everything, digits included); leaving undoes
 * both. A muted participant is heard by nobody and still hears the others.
 *
 * <p>Threading: mixing runs on the pacer's thread; {@link #join}, {@link Participant#mute} and
 * {@link Participant#leave} may be called from any thread. Audio takes one tick from the mixer to
 * the session's next send, plus the jitter buffer's depth.
 */
public final class Conference implements AutoCloseable {

  private final List<Participant> participants = new CopyOnWriteArrayList<>();
  private final Pacer.PacedTask mixing;

  private Conference(Pacer pacer) {
    this.mixing = pacer.schedule(this::mix);
  }

  /** A conference mixing on {@code pacer}'s ticks. */
  public static Conference start(Pacer pacer) {
    return new Conference(pacer);
  }

  /** Adds {@code session}: it hears everyone else, and everyone hears it. */
  public Participant join(RtpSession session) {
    Participant participant = new Participant(session);
    participants.add(participant);
    return participant;
  }

  /** The participants now. */
  public List<Participant> participants() {
    return List.copyOf(participants);
  }

  /** Stops mixing and lets every participant leave. */
  @Override
  public void close() {
    mixing.cancel();
    participants.forEach(Participant::leave);
  }

  private void mix() {
    List<Participant> now = List.copyOf(participants);
    int count = now.size();
    short[][] inputs = new short[count][FrameFormat.SAMPLES];
    boolean[] contributing = new boolean[count];
    short[][] outputs = new short[count][FrameFormat.SAMPLES];
    for (int i = 0; i < count; i++) {
      now.get(i).received.read(inputs[i]);
      contributing[i] = !now.get(i).muted;
    }
    FrameMixer.mixMinusOne(inputs, contributing, outputs);
    for (int i = 0; i < count; i++) {
      now.get(i).toSend.push(outputs[i]);
    }
  }

  /** One session's place in the conference. */
  public final class Participant {
    private final RtpSession session;
    private final RtpListener previousListener;
    private final ReceivedAudio received = new ReceivedAudio();
    private final FrameQueue toSend = new FrameQueue();
    private volatile boolean muted;

    private Participant(RtpSession session) {
      this.session = session;
      this.previousListener = session.listener();
      session.listen(RtpListener.tee(previousListener, received));
      session.play(toSend);
    }

    /** The participant's session. */
    public RtpSession session() {
      return session;
    }

    /** Mutes or unmutes what this participant says. */
    public void mute(boolean mute) {
      muted = mute;
    }

    /** Whether this participant is muted. */
    public boolean muted() {
      return muted;
    }

    /** Leaves the conference: the session falls silent and gets its old listener back. */
    public void leave() {
      if (participants.remove(this)) {
        session.listen(previousListener);
        session.play(null);
      }
    }
  }
}
