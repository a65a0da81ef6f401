package io.tandem.core.flow;

import java.time.Duration;
import java.util.Map;

/** Whole flows as a tenant would write them. */
final class SampleFlows {

  private SampleFlows() {}

  /**
   * The main line of a small company: checks the office hours, welcomes, offers billing (which asks
   * for the account number, looks the customer up in the CRM and routes to billing agents) or
   * support, and handles closed hours, holidays and callers who choose nothing.
   */
  static Flow mainLine() {
    return FlowBuilder.flow("main-line", "hours")
        .node("hours", new CheckHours("office", "welcome", "closed", "holiday"))
        .node("welcome", new Play(Prompt.file("prompts/welcome.wav"), "main-menu"))
        .node(
            "main-menu",
            new Menu(
                Prompt.text("For billing press 1 or say billing. For support press 2."),
                Nodes.ordered("1", "account", "billing", "account", "2", "support-skills"),
                Duration.ofSeconds(5),
                2,
                Prompt.text("Sorry, that is not an option."),
                Prompt.text("Sorry, I did not hear you."),
                "operator"))
        .node(
            "account",
            new CollectDigits(
                Prompt.text("Please key in your account number, then press hash."),
                6,
                10,
                "#",
                Duration.ofSeconds(10),
                "[1-9][0-9]{5,9}",
                "account",
                2,
                Prompt.text("That account number is not valid."),
                null,
                "crm",
                "billing-skills"))
        .node(
            "crm",
            new HttpLookup(
                "https://crm.example.com/accounts/${account}?caller=${caller}",
                Duration.ofSeconds(2),
                Nodes.ordered("name", "customerName", "tier", "customerTier"),
                "greet",
                "billing-skills"))
        .node("greet", new Play(Prompt.text("Thank you, ${customerName}."), "billing-skills"))
        .node(
            "billing-skills",
            new SetAttributes(
                Map.of("topic", "billing"), 60, "billing >= 2", "en", "route-billing"))
        .node("route-billing", new RouteToQueue("billing", null))
        .node(
            "support-skills",
            new SetAttributes(Map.of("topic", "support"), null, "support", null, "route-support"))
        .node("route-support", new RouteToQueue("support", null))
        .node("operator", new TransferToNumber("+41445550000"))
        .node(
            "closed",
            new HangUp(
                Prompt.text("We are closed. Please call between 8 and 18 o'clock."), "closed"))
        .node(
            "holiday",
            new Voicemail(
                "office", Prompt.text("We are closed for the holidays. Please leave a message.")))
        .build();
  }
}
