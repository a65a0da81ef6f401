package io.tandem.emulator.acs;

import io.tandem.emulator.http.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * A callback's {@code resultInformation}: code, subCode and message as Call Automation documents
 * them (play-action and recognize-action "Event codes", troubleshooting codes).
 */
record ResultInformation(int code, int subCode, String message) {

  static final ResultInformation OK =
      new ResultInformation(200, 0, "Action completed successfully.");
  static final ResultInformation CALL_CONNECTED = new ResultInformation(200, 0, "Call connected.");
  static final ResultInformation CALL_ENDED =
      new ResultInformation(200, 0, "The conversation has ended.");
  static final ResultInformation CANCELED =
      new ResultInformation(400, 8508, "Action failed, the operation was canceled.");
  static final ResultInformation PLAY_DOWNLOAD_FAILED =
      new ResultInformation(400, 8536, "Action failed, file could not be downloaded.");
  static final ResultInformation PLAY_INVALID_FORMAT =
      new ResultInformation(400, 8535, "Action failed, file format is invalid.");
  static final ResultInformation MAX_DIGITS =
      new ResultInformation(200, 8531, "Action completed, max digits received.");
  static final ResultInformation STOP_TONE =
      new ResultInformation(200, 8514, "Action completed as stop tone was detected.");
  static final ResultInformation DTMF_OPTION_MATCHED =
      new ResultInformation(200, 8533, "Action completed, DTMF option matched.");
  static final ResultInformation SPEECH_OPTION_MATCHED =
      new ResultInformation(200, 8545, "Action completed, speech option matched.");
  static final ResultInformation SPEECH_RECOGNIZED =
      new ResultInformation(200, 8545, "Action completed, speech recognized.");
  static final ResultInformation INITIAL_SILENCE =
      new ResultInformation(400, 8510, "Action failed, initial silence timeout reached.");
  static final ResultInformation INTER_DIGIT =
      new ResultInformation(400, 8532, "Action failed, inter-digit silence timeout reached.");
  static final ResultInformation SPEECH_NOT_MATCHED =
      new ResultInformation(400, 8547, "Action failed, speech option not matched.");
  static final ResultInformation INCORRECT_TONE =
      new ResultInformation(400, 8534, "Action failed, incorrect tone detected.");
  static final ResultInformation PLAY_PROMPT_FAILED =
      new ResultInformation(
          500, 8511, "Action failed, encountered failure while trying to play the prompt.");
  static final ResultInformation DECLINED =
      new ResultInformation(603, 0, "The participant declined the call.");
  static final ResultInformation BUSY = new ResultInformation(486, 0, "The participant is busy.");
  static final ResultInformation NO_ANSWER =
      new ResultInformation(
          408, 10004, "The participant did not answer before the invitation timed out.");
  static final ResultInformation NOT_FOUND =
      new ResultInformation(404, 0, "The participant could not be found.");
  static final ResultInformation PARTICIPANT_LEFT =
      new ResultInformation(410, 0, "The participant left the call.");

  ObjectNode toJson() {
    return Json.object().put("code", code).put("subCode", subCode).put("message", message);
  }
}
