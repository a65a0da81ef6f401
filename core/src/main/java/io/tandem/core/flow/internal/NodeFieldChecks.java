package io.tandem.core.flow.internal;

import io.tandem.core.flow.CheckHours;
import io.tandem.core.flow.CollectDigits;
import io.tandem.core.flow.FlowCatalog;
import io.tandem.core.flow.FlowNode;
import io.tandem.core.flow.HangUp;
import io.tandem.core.flow.HttpLookup;
import io.tandem.core.flow.Menu;
import io.tandem.core.flow.OfferCallback;
import io.tandem.core.flow.Play;
import io.tandem.core.flow.RouteToQueue;
import io.tandem.core.flow.SetAttributes;
import io.tandem.core.flow.TransferToNumber;
import io.tandem.core.flow.Voicemail;
import io.tandem.core.skill.InvalidSkillExpressionException;
import io.tandem.core.skill.SkillExpression;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Checks the fields of each node kind other than its exits ({@link FlowStructureChecks} checks
 * those): prompts, timeouts, keys, lengths, patterns, numbers, URLs, and that the queues, skills
 * and business hours named exist in the {@link FlowCatalog}.
 */
public final class NodeFieldChecks {

  private static final Set<String> TERMINATORS = Set.of("#", "*");
  private static final Set<String> URL_SCHEMES = Set.of("http", "https");

  private final FlowCatalog catalog;
  private final Problems problems;

  /** Checks against {@code catalog}, reporting to {@code problems}. */
  public NodeFieldChecks(FlowCatalog catalog, Problems problems) {
    this.catalog = catalog;
    this.problems = problems;
  }

  /** Adds every problem in the fields of {@code node}, called {@code id}, to the problems. */
  public void check(String id, FlowNode node) {
    FieldRules rules = new FieldRules(id, problems);
    switch (node) {
      case Play play -> rules.requiredPrompt("prompt", play.prompt());
      case Menu menu -> menu(rules, menu);
      case CollectDigits collect -> collectDigits(rules, collect);
      case CheckHours hours -> checkHours(rules, hours);
      case SetAttributes set -> setAttributes(rules, set);
      case HttpLookup lookup -> httpLookup(rules, lookup);
      case RouteToQueue route -> routeToQueue(rules, route);
      case TransferToNumber transfer -> {
        if (rules.required("number", transfer.number()) && !E164.isValid(transfer.number())) {
          rules.problem(
              "number", "'" + transfer.number() + "' is not an E.164 number such as +41441234567");
        }
      }
      case Voicemail voicemail -> {
        rules.required("mailbox", voicemail.mailbox());
        rules.optionalPrompt("greeting", voicemail.greeting());
      }
      case OfferCallback offer -> offerCallback(rules, offer);
      case HangUp hangUp -> {
        rules.optionalPrompt("goodbye", hangUp.goodbye());
        rules.required("reason", hangUp.reason());
      }
    }
  }

  private static void menu(FieldRules rules, Menu menu) {
    rules.requiredPrompt("prompt", menu.prompt());
    if (menu.choices().isEmpty()) {
      rules.problem("choices", "a menu needs at least one choice");
    }
    Map<String, String> keysByNormalForm = new HashMap<>();
    for (String key : menu.choices().keySet()) {
      String problem = ChoiceKeys.problem(key);
      if (problem != null) {
        rules.problem("choices[" + key + "]", problem);
        continue;
      }
      String earlier = keysByNormalForm.putIfAbsent(ChoiceKeys.normalize(key), key);
      if (earlier != null) {
        rules.problem(
            "choices[" + key + "]", "'" + key + "' is the same choice as '" + earlier + "'");
      }
    }
    rules.positiveDuration("timeout", menu.timeout());
    rules.retries("maxRetries", menu.maxRetries());
    rules.optionalPrompt("invalidPrompt", menu.invalidPrompt());
    rules.optionalPrompt("timeoutPrompt", menu.timeoutPrompt());
  }

  private static void collectDigits(FieldRules rules, CollectDigits collect) {
    rules.requiredPrompt("prompt", collect.prompt());
    if (collect.minLength() < 1) {
      rules.problem("minLength", "minLength must be at least 1, got " + collect.minLength());
    }
    if (collect.maxLength() < collect.minLength()) {
      rules.problem(
          "maxLength",
          "maxLength " + collect.maxLength() + " is less than minLength " + collect.minLength());
    }
    if (collect.terminator() != null && !TERMINATORS.contains(collect.terminator())) {
      rules.problem(
          "terminator", "terminator must be '#' or '*', got '" + collect.terminator() + "'");
    }
    rules.positiveDuration("timeout", collect.timeout());
    if (collect.pattern() != null) {
      try {
        Pattern.compile(collect.pattern());
      } catch (PatternSyntaxException e) {
        rules.problem(
            "pattern",
            "invalid regular expression: " + e.getDescription() + " at index " + e.getIndex());
      }
    }
    rules.attributeName("attribute", collect.attribute());
    rules.retries("maxRetries", collect.maxRetries());
    rules.optionalPrompt("invalidPrompt", collect.invalidPrompt());
    rules.optionalPrompt("timeoutPrompt", collect.timeoutPrompt());
  }

  private void checkHours(FieldRules rules, CheckHours hours) {
    if (rules.required("businessHours", hours.businessHours())
        && catalog.businessHours(hours.businessHours()).isEmpty()) {
      rules.problem("businessHours", "unknown business hours '" + hours.businessHours() + "'");
    }
  }

  private void setAttributes(FieldRules rules, SetAttributes set) {
    set.attributes()
        .forEach(
            (name, value) -> {
              String field = "attributes[" + name + "]";
              rules.attributeName(field, name);
              if (value == null) {
                rules.problem(field, "missing value");
              } else {
                rules.placeholders(field, value);
              }
            });
    rules.optionalPriority("priority", set.priority());
    if (set.skills() != null) {
      skills(rules, set.skills());
    }
    rules.optionalRoutingLanguage("language", set.language());
  }

  private void skills(FieldRules rules, String text) {
    SkillExpression expression;
    try {
      expression = SkillExpression.parse(text);
    } catch (InvalidSkillExpressionException e) {
      rules.problem("skills", "invalid skill expression: " + e.getMessage());
      return;
    }
    for (String skill : expression.skillNames()) {
      if (!catalog.hasSkill(skill)) {
        rules.problem("skills", "unknown skill '" + skill + "'");
      }
    }
  }

  private static void httpLookup(FieldRules rules, HttpLookup lookup) {
    if (rules.required("url", lookup.url())) {
      rules.placeholders("url", lookup.url());
      String problem = httpUrlProblem(lookup.url());
      if (problem != null) {
        rules.problem("url", problem);
      }
    }
    rules.positiveDuration("timeout", lookup.timeout());
    lookup
        .resultAttributes()
        .forEach(
            (field, attribute) -> {
              String where = "resultAttributes[" + field + "]";
              rules.required(where, field);
              rules.attributeName(where, attribute);
            });
  }

  /** Why {@code url}, its placeholders filled with a sample value, is no http(s) URL; or null. */
  private static @Nullable String httpUrlProblem(String url) {
    String sample = Placeholders.resolve(url, Map.of()).replace("${", "x");
    try {
      URI uri = new URI(sample);
      String scheme = uri.getScheme();
      if (scheme == null || !URL_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
        return "'" + url + "' is not an http or https URL";
      }
      return uri.getHost() == null ? "'" + url + "' names no host" : null;
    } catch (URISyntaxException e) {
      return "'" + url + "' is not a URL: " + e.getReason() + " at index " + e.getIndex();
    }
  }

  private void routeToQueue(FieldRules rules, RouteToQueue route) {
    if (rules.required("queue", route.queue()) && !catalog.hasQueue(route.queue())) {
      rules.problem("queue", "unknown queue '" + route.queue() + "'");
    }
    rules.optionalPriority("priority", route.priority());
  }

  private static void offerCallback(FieldRules rules, OfferCallback offer) {
    rules.requiredPrompt("prompt", offer.prompt());
    String keyProblem = ChoiceKeys.problem(offer.acceptKey());
    if (keyProblem != null) {
      rules.problem("acceptKey", keyProblem);
    }
    rules.positiveDuration("timeout", offer.timeout());
    if (offer.numberAttribute() != null) {
      rules.attributeName("numberAttribute", offer.numberAttribute());
    }
  }
}
