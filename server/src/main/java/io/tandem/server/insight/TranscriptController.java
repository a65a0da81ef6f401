package io.tandem.server.insight;

import io.tandem.core.insight.TranslationUnavailableException;
import io.tandem.core.insight.Translator;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.server.api.Actor;
import io.tandem.server.api.ApiException;
import io.tandem.server.eventlog.EventHistory;
import io.tandem.server.eventlog.LoggedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An interaction's transcript, optionally translated: {@code GET
 * /api/v1/tenants/{t}/interactions/{id}/transcript?to=de&from=en-US}. 404 for an unknown
 * interaction, 400 for a locale that is no BCP 47 tag, 503 when no translator is configured or it
 * fails.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/interactions/{interaction}/transcript")
class TranscriptController {

  /** One segment; {@code original} is the untranslated text when translated. */
  record Line(
      String speaker,
      String text,
      @Nullable String original,
      long offsetMillis,
      long durationMillis,
      double confidence,
      Instant at) {}

  /** The transcript; {@code language} is the one asked for, or null for the original. */
  record Transcript(String interaction, @Nullable String language, List<Line> lines) {}

  private final EventHistory history;
  private final Translator translator;

  TranscriptController(EventHistory history, Translator translator) {
    this.history = history;
    this.translator = translator;
  }

  @GetMapping
  Transcript transcript(
      Actor actor,
      @PathVariable String interaction,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable String from) {
    InteractionId id;
    try {
      id = new InteractionId(interaction);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("interaction", e.getMessage());
    }
    String target = to == null ? null : locale("to", to);
    String source = from == null ? OpenAiCompatibleTranslator.AUTO : locale("from", from);
    List<LoggedEvent> events = history.ofInteraction(actor.tenantId(), id);
    if (events.isEmpty()) {
      throw ApiException.notFound("no interaction '" + id + "' in tenant " + actor.tenantId());
    }
    List<InteractionInsights.TranscriptLine> segments =
        InteractionInsights.of(events.stream().map(e -> (InteractionEvent) e.event()).toList())
            .transcript();
    List<Line> lines = new ArrayList<>();
    for (InteractionInsights.TranscriptLine segment : segments) {
      String text = segment.text();
      String original = null;
      if (target != null) {
        original = text;
        text = translated(text, source, target);
      }
      lines.add(
          new Line(
              segment.speaker(),
              text,
              original,
              segment.offsetMillis(),
              segment.durationMillis(),
              segment.confidence(),
              segment.at()));
    }
    return new Transcript(id.value(), target, lines);
  }

  private String translated(String text, String from, String to) {
    try {
      return translator.translate(text, from, to);
    } catch (TranslationUnavailableException e) {
      throw new ApiException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "Translation unavailable",
          "cannot translate now: " + e.getMessage(),
          "to");
    }
  }

  private static String locale(String field, String tag) {
    Locale locale = Locale.forLanguageTag(tag.strip());
    if (locale.getLanguage().isEmpty()) {
      throw ApiException.invalid(
          field, "'" + field + "' must be a BCP 47 language tag, like de or en-US");
    }
    return locale.toLanguageTag();
  }
}
