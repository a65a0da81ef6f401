package io.tandem.core.callcontrol;

import io.tandem.core.interaction.InteractionId;
import io.tandem.core.queue.QueueId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TalkWire} that does no wire work: it records each operation asked of it, in order, as
 * text ({@code "holdCaller true"}, {@code "callThirdParty +4930123456 CONSULT"}…), and throws for
 * an operation scripted to fail.
 */
final class RecordingTalkWire implements TalkWire {

  final List<String> operations = new ArrayList<>();
  private final Map<String, Exception> failures = new HashMap<>();
  @Nullable InteractionId interaction;

  RecordingTalkWire(@Nullable InteractionId interaction) {
    this.interaction = interaction;
  }

  /** From now on, {@code operation} (a method's name) throws {@code failure}. */
  void failing(String operation, Exception failure) {
    failures.put(operation, failure);
  }

  @Override
  public @Nullable InteractionId interaction() {
    return interaction;
  }

  @Override
  public void holdCaller(boolean held) throws Exception {
    record("holdCaller", held);
  }

  @Override
  public void callThirdParty(CallTarget target, Purpose purpose) throws Exception {
    record("callThirdParty", target.text() + " " + purpose);
  }

  @Override
  public void dropThirdParty(boolean answered) throws Exception {
    record("dropThirdParty", answered ? "answered" : "ringing");
  }

  @Override
  public void joinAll() throws Exception {
    record("joinAll", null);
  }

  @Override
  public void handOver(boolean asked) throws Exception {
    record("handOver", asked ? "asked" : "answered");
  }

  @Override
  public void passedOn(boolean asked) {
    unchecked("passedOn", asked ? "asked" : "answered");
  }

  @Override
  public void sendToQueue(QueueId queue) throws Exception {
    record("sendToQueue", queue.value());
  }

  @Override
  public void hangUp() {
    unchecked("hangUp", null);
  }

  private void record(String operation, @Nullable Object argument) throws Exception {
    Exception failure = failures.get(operation);
    if (failure != null) {
      throw failure;
    }
    operations.add(argument == null ? operation : operation + " " + argument);
  }

  private void unchecked(String operation, @Nullable Object argument) {
    try {
      record(operation, argument);
    } catch (RuntimeException failure) {
      throw failure;
    } catch (Exception failure) {
      throw new IllegalStateException(failure);
    }
  }
}
