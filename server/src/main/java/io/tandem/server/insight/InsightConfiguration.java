package io.tandem.server.insight;

import io.tandem.core.insight.CallSummarizer;
import io.tandem.core.insight.ExtractiveSummarizer;
import io.tandem.core.insight.TranslationUnavailableException;
import io.tandem.core.insight.Translator;
import io.tandem.server.eventlog.EventHistory;
import io.tandem.server.tenant.EventFeed;
import io.tandem.server.tenant.TenantRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How summaries and translation are put together from {@link SummarySettings} and {@link
 * TranslationSettings}: the summarizer and the translator the providers name, and {@link
 * CallSummaries} on the event feed when summaries are enabled.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SummarySettings.class, TranslationSettings.class})
class InsightConfiguration {

  @Bean
  CallSummarizer callSummarizer(SummarySettings settings) {
    return settings.provider().equals(SummarySettings.OPENAI_COMPATIBLE)
        ? new OpenAiCompatibleSummarizer(settings.openai())
        : new ExtractiveSummarizer();
  }

  @Bean
  Translator translator(TranslationSettings settings) {
    if (settings.provider().equals(SummarySettings.OPENAI_COMPATIBLE)) {
      return new OpenAiCompatibleTranslator(settings.openai());
    }
    return (text, from, to) -> {
      throw new TranslationUnavailableException("no translation provider configured");
    };
  }

  @Bean
  CallSummaries callSummaries(
      SummarySettings settings,
      CallSummarizer summarizer,
      ObjectProvider<TenantRegistry> registry,
      EventHistory history,
      EventFeed feed) {
    CallSummaries summaries =
        new CallSummaries(
            id -> registry.getObject().find(id),
            history,
            summarizer,
            settings.provider().equals(SummarySettings.OPENAI_COMPATIBLE) ? "openai" : "extractive",
            settings.maxConcurrent(),
            settings.settleTime());
    if (settings.enabled()) {
      feed.subscribe(summaries);
    }
    return summaries;
  }

  /** Summaries start once the application is ready: every tenant recovered. */
  @Bean
  ApplicationListener<ApplicationReadyEvent> startCallSummaries(CallSummaries summaries) {
    return ready -> summaries.start();
  }
}
