package io.tandem.acs.unify;

/** What an agent or supervisor asks of a call's recording. */
public enum RecordingAction {
  /** Start recording now (if it does not run). */
  START,
  /** Pause, e.g. while the caller gives card details. */
  PAUSE,
  /** Resume after a pause. */
  RESUME
}
