package io.tandem.emulator.acs;

import io.tandem.emulator.http.Json;
import io.tandem.emulator.time.Scheduler;
import java.util.Base64;
import tools.jackson.databind.node.ObjectNode;

/**
 * One media-streaming subscription on an open socket: {@code AudioMetadata} first, then an {@code
 * AudioData} frame every 20 ms of the emulator's clock with the caller's synthesised audio ({@code
 * silent: true} while they are quiet), and {@code DtmfData} for each key they press when DTMF tones
 * are enabled.
 */
final class MediaStream implements StreamSubscriptions.OpenStream {

  private final AcsCall call;
  private final StreamSocket socket;
  private final String participantRawId;
  private final boolean dtmfTones;
  private final CallerAudio audio = new CallerAudio();
  private Scheduler.Timer timer = () -> false;
  private boolean stopped;

  MediaStream(
      AcsCall call,
      StreamSocket socket,
      String subscriptionId,
      String participantRawId,
      boolean dtmfTones) {
    this.call = call;
    this.socket = socket;
    this.participantRawId = participantRawId;
    this.dtmfTones = dtmfTones;
    ObjectNode metadata = Json.object().put("kind", "AudioMetadata");
    metadata
        .putObject("audioMetadata")
        .put("subscriptionId", subscriptionId)
        .put("encoding", "PCM")
        .put("sampleRate", CallerAudio.SAMPLE_RATE)
        .put("channels", 1)
        .put("length", CallerAudio.FRAME_BYTES);
    socket.send(Json.text(metadata));
  }

  @Override
  public synchronized void start() {
    timer = call.scheduler().schedule(CallerAudio.FRAME, this::tick);
  }

  private synchronized void tick() {
    if (stopped) {
      return;
    }
    var now = call.scheduler().now();
    boolean talking = audio.talking(now);
    ObjectNode frame = Json.object().put("kind", "AudioData");
    frame
        .putObject("audioData")
        .put("timestamp", now.toString())
        .put("participantRawID", participantRawId)
        .put("data", Base64.getEncoder().encodeToString(audio.frame(now)))
        .put("silent", !talking);
    socket.send(Json.text(frame));
    timer = call.scheduler().schedule(CallerAudio.FRAME, this::tick);
  }

  @Override
  public void said(String text) {
    audio.says(text, call.scheduler().now());
  }

  @Override
  public void pressed(String tone) {
    if (dtmfTones) {
      ObjectNode frame = Json.object().put("kind", "DtmfData");
      frame
          .putObject("dtmfData")
          .put("data", Tones.digit(tone))
          .put("participantRawID", participantRawId);
      socket.send(Json.text(frame));
    }
  }

  @Override
  public synchronized void stop() {
    stopped = true;
    timer.cancel();
    socket.close();
  }
}
