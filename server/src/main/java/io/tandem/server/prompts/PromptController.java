package io.tandem.server.prompts;

import io.tandem.media.speech.SpeechException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves prompt audio to whoever plays it (Microsoft's media servers fetch these URLs, so there is
 * no Tandem authentication here), as {@code audio/wav} with {@code Content-Length}, an {@code ETag}
 * ({@code If-None-Match} answers 304) and {@code Cache-Control}:
 *
 * <ul>
 *   <li>{@code GET /prompts/{name}.wav}: the operator's file, else the default prompt; cached for 5
 *       minutes (an operator may replace a file). 404 for an unknown or unsafe name.
 *   <li>{@code GET /prompts/tts/{id}.wav}: a rendered text ({@link PromptCatalog#uriOf}); the id is
 *       the content's hash, so it is cached for a year. 404 for an unknown id, 503 when the
 *       text-to-speech engine cannot render it.
 * </ul>
 *
 * Refusals are RFC 9457 problem documents.
 */
@RestController
class PromptController {

  static final MediaType AUDIO_WAV = MediaType.parseMediaType("audio/wav");

  private static final Logger LOG = LoggerFactory.getLogger(PromptController.class);
  private static final String TYPE_BASE = "https://tandem.dev/problems/";

  private final PromptLibrary library;
  private final SpokenPrompts spoken;

  PromptController(PromptLibrary library, SpokenPrompts spoken) {
    this.library = library;
    this.spoken = spoken;
  }

  @GetMapping("/prompts/{name}.wav")
  ResponseEntity<?> named(@PathVariable String name) {
    Optional<PromptLibrary.PromptAudio> audio;
    try {
      audio = library.find(name);
    } catch (PromptLibrary.UnreadablePromptException e) {
      LOG.error("{}", e.getMessage());
      return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Unreadable prompt", e.getMessage(), "name");
    }
    return audio
        .<ResponseEntity<?>>map(
            found -> wav(found.wav(), found.etag(), CacheControl.maxAge(Duration.ofMinutes(5))))
        .orElseGet(
            () ->
                problem(
                    HttpStatus.NOT_FOUND, "Not found", "no prompt named '" + name + "'", "name"));
  }

  @GetMapping("/prompts/tts/{id}.wav")
  ResponseEntity<?> spoken(@PathVariable String id) {
    Optional<byte[]> wav;
    try {
      wav = spoken.wav(id);
    } catch (SpeechException e) {
      LOG.warn("Text prompt {} cannot be rendered ({}): {}", id, e.reason(), e.getMessage());
      return problem(
          HttpStatus.SERVICE_UNAVAILABLE,
          "Text-to-speech unavailable",
          "text prompt " + id + " cannot be rendered: " + e.getMessage(),
          "id");
    }
    return wav.<ResponseEntity<?>>map(
            bytes -> wav(bytes, id, CacheControl.maxAge(Duration.ofDays(365)).immutable()))
        .orElseGet(
            () -> problem(HttpStatus.NOT_FOUND, "Not found", "no text prompt '" + id + "'", "id"));
  }

  private static ResponseEntity<byte[]> wav(byte[] bytes, String etag, CacheControl cache) {
    return ResponseEntity.ok()
        .contentType(AUDIO_WAV)
        .contentLength(bytes.length)
        .eTag(etag)
        .cacheControl(cache.cachePublic())
        .body(bytes);
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String title, String detail, String field) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create(TYPE_BASE + status.value()));
    problem.setProperty("field", field);
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
