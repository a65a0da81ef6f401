package io.tandem.acs.streams;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A transcript sink and a media sink that record every call as a line, in order. */
final class RecordingSinks implements TranscriptSink, MediaSink {

  final List<String> calls = new CopyOnWriteArrayList<>();

  @Override
  public void metadata(String callConnectionId, StreamFrame.TranscriptionMetadata metadata) {
    calls.add("metadata " + callConnectionId + " " + metadata.locale());
  }

  @Override
  public void segment(String callConnectionId, StreamFrame.TranscriptionData data) {
    calls.add("segment " + callConnectionId + " " + data.status() + " " + data.text());
  }

  @Override
  public void opened(String callConnectionId, StreamFrame.AudioMetadata metadata) {
    calls.add("opened " + callConnectionId + " " + metadata.sampleRate());
  }

  @Override
  public void audio(String callConnectionId, StreamFrame.AudioData frame) {
    calls.add("audio " + callConnectionId + " " + frame.pcm().length);
  }

  @Override
  public void dtmf(String callConnectionId, String tone) {
    calls.add("dtmf " + callConnectionId + " " + tone);
  }

  @Override
  public void closed(String callConnectionId) {
    calls.add("closed " + callConnectionId);
  }
}
