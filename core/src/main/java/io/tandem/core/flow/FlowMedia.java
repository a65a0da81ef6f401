package io.tandem.core.flow;

/**
 * The port through which a {@link FlowRun} plays to and listens to the caller: the channel's media
 * engine (Tandem's own RTP media, Graph's or ACS's service-hosted media).
 *
 * <p>Every method returns at once. Outcomes are reported later, on the tenant's mailbox thread, by
 * calling the run; never from within these methods.
 */
public interface FlowMedia {

  /** Starts playing {@code prompt}; reports {@link FlowRun#onPlayCompleted()} when it ends. */
  void play(Prompt prompt);

  /**
   * Starts playing the request's prompt while listening as it says; reports {@link
   * FlowRun#onInput(String)} or {@link FlowRun#onInputTimeout()}.
   */
  void collect(InputRequest request);

  /** Stops playing and listening, reporting nothing more: the caller has hung up. */
  void stop();
}
