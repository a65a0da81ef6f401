package io.tandem.core.flow;

import static io.tandem.core.flow.Nodes.hangUp;
import static io.tandem.core.flow.Nodes.ordered;
import static io.tandem.core.flow.Nodes.play;
import static io.tandem.core.flow.Nodes.route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per rule of {@link FlowValidator}, each problem named by node and field. */
class FlowValidatorTest {

  private final FlowRunFixture fixture = new FlowRunFixture();

  private List<FlowProblem> problemsOf(Flow flow) {
    return FlowValidator.problems(flow, fixture.catalog);
  }

  /** The problems of a flow that starts at node {@code n}, whose exits all lead to {@code end}. */
  private List<FlowProblem> problemsOfNode(FlowNode n) {
    FlowBuilder flow = FlowBuilder.startingAt("n").node("n", n);
    if (!n.exits().isEmpty()) {
      flow.node("end", route("billing"));
    }
    return problemsOf(flow.build());
  }

  @Test
  void sampleFlow_hasNoProblems_andValidates() {
    assertThat(problemsOf(SampleFlows.mainLine())).isEmpty();

    ValidatedFlow validated = FlowValidator.validate(SampleFlows.mainLine(), fixture.catalog);

    assertThat(validated.flow()).isEqualTo(SampleFlows.mainLine());
    assertThat(validated.id()).isEqualTo("main-line");
  }

  @Test
  void unknownStartNode_isNamedAtTheFlowsStartField() {
    Flow flow = FlowBuilder.startingAt("welcome").node("hello", route("billing")).build();

    assertThat(problemsOf(flow))
        .contains(new FlowProblem(null, "start", "start points at unknown node 'welcome'"));
  }

  @Test
  void missingStartNode_isNamedAtTheFlowsStartField() {
    Flow flow = new Flow("f", "f", " ", Map.of("a", route("billing")));

    assertThat(problemsOf(flow))
        .containsExactly(new FlowProblem(null, "start", "missing start node"));
  }

  @Test
  void flowWithoutIdOrNodes_isRejected() {
    Flow flow = new Flow(null, "nameless", "a", null);

    assertThat(problemsOf(flow))
        .extracting(FlowProblem::node, FlowProblem::field)
        .containsExactly(tuple(null, "id"), tuple(null, "nodes"), tuple(null, "start"));
  }

  @Test
  void exitToUnknownNode_isNamedAtItsNodeAndField() {
    Flow flow =
        FlowBuilder.startingAt("menu")
            .node("menu", Nodes.menu("Press 1.", ordered("1", "biling"), "end"))
            .node("end", route("billing"))
            .build();

    assertThat(problemsOf(flow))
        .containsExactly(
            new FlowProblem("menu", "choices[1]", "exit points at unknown node 'biling'"));
  }

  @Test
  void missingRequiredExit_isNamedAtItsNodeAndField() {
    assertThat(
            problemsOfNode(
                new HttpLookup(
                    "https://crm.example.com", Duration.ofSeconds(1), Map.of(), "end", null)))
        .containsExactly(new FlowProblem("n", "failed", "missing exit"));
  }

  @Test
  void optionalExit_mayBeLeftOutButNotBlank() {
    assertThat(problemsOfNode(new CheckHours("office", "end", "end", null))).isEmpty();
    assertThat(problemsOfNode(new CheckHours("office", "end", "end", "")))
        .containsExactly(new FlowProblem("n", "holiday", "missing exit (blank)"));
  }

  @Test
  void nodeWithoutDefinition_isNamedAtItsId() {
    Map<String, FlowNode> nodes = new HashMap<>();
    nodes.put("start", play("Hi.", "ghost"));
    nodes.put("ghost", null);

    assertThat(problemsOf(new Flow("f", "f", "start", nodes)))
        .contains(new FlowProblem("ghost", "id", "node has no definition"));
  }

  @Test
  void unreachableNode_isNamedAtItsId() {
    Flow flow =
        FlowBuilder.startingAt("a")
            .node("a", route("billing"))
            .node("orphan", play("Nobody hears this.", "a"))
            .build();

    assertThat(problemsOf(flow))
        .containsExactly(
            new FlowProblem("orphan", "id", "unreachable: no path leads here from start node 'a'"));
  }

  @Test
  void loopWithoutInput_isNamedAtItsFirstNodeAndTheExitIntoTheLoop() {
    Flow flow =
        FlowBuilder.startingAt("hello")
            .node("hello", play("Please hold.", "mark"))
            .node("mark", Nodes.set(Map.of("held", "yes"), "hello"))
            .build();

    assertThat(problemsOf(flow))
        .containsExactly(
            new FlowProblem(
                "hello",
                "next",
                "loop without input: hello -> mark -> hello; every loop needs a menu,"
                    + " collect-digits or offer-callback node"));
  }

  @Test
  void nodeLeadingToItself_isALoopWithoutInput() {
    assertThat(problemsOf(FlowBuilder.startingAt("a").node("a", play("Again.", "a")).build()))
        .extracting(FlowProblem::node, FlowProblem::field, p -> p.message().split(";")[0])
        .containsExactly(tuple("a", "next", "loop without input: a -> a"));
  }

  @Test
  void loopThroughAMenu_isAccepted() {
    Flow flow =
        FlowBuilder.startingAt("menu")
            .node("menu", Nodes.menu("Press 1 to hear it again.", ordered("1", "info"), "end"))
            .node("info", play("Our address is ...", "menu"))
            .node("end", route("billing"))
            .build();

    assertThat(problemsOf(flow)).isEmpty();
  }

  @Test
  void twoSeparateLoopsWithoutInput_areEachReportedOnce() {
    Flow flow =
        FlowBuilder.startingAt("hours")
            .node("hours", new CheckHours("office", "a", "c", null))
            .node("a", play("A.", "b"))
            .node("b", new CheckHours("office", "a", "b", null))
            .node("c", play("C.", "c"))
            .build();

    assertThat(problemsOf(flow))
        .extracting(FlowProblem::node, FlowProblem::field)
        .containsExactly(tuple("a", "next"), tuple("c", "next"));
  }

  @Test
  void unknownQueue_isNamed() {
    assertThat(problemsOfNode(route("sales")))
        .containsExactly(new FlowProblem("n", "queue", "unknown queue 'sales'"));
  }

  @Test
  void unknownSkill_isNamed() {
    assertThat(
            problemsOfNode(
                new SetAttributes(Map.of(), null, "billing >= 2 and french", null, "end")))
        .containsExactly(new FlowProblem("n", "skills", "unknown skill 'french'"));
  }

  @Test
  void malformedSkillExpression_isNamedWithItsPosition() {
    assertThat(problemsOfNode(new SetAttributes(Map.of(), null, "billing >= x", null, "end")))
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.node()).isEqualTo("n");
              assertThat(problem.field()).isEqualTo("skills");
              assertThat(problem.message())
                  .startsWith("invalid skill expression: ")
                  .contains("at position 11");
            });
  }

  @Test
  void unknownBusinessHours_isNamed() {
    assertThat(problemsOfNode(new CheckHours("weekend", "end", "end", null)))
        .containsExactly(new FlowProblem("n", "businessHours", "unknown business hours 'weekend'"));
  }

  @Test
  void numberNotInE164Form_isNamed() {
    assertThat(problemsOfNode(new TransferToNumber("044 555 00 00")))
        .containsExactly(
            new FlowProblem(
                "n", "number", "'044 555 00 00' is not an E.164 number such as +41441234567"));
    assertThat(problemsOfNode(new TransferToNumber("+0441234567"))).hasSize(1);
    assertThat(problemsOfNode(new TransferToNumber("+41441234567"))).isEmpty();
  }

  @Test
  void badMenuKeys_areNamedEachAtItsChoice() {
    Menu menu =
        Nodes.menu(
            "Choose.",
            ordered("12", "end", "!", "end", "Billing", "end", "billing ", "end", "*", "end"),
            "end");

    assertThat(problemsOfNode(menu))
        .extracting(FlowProblem::field, FlowProblem::message)
        .containsExactly(
            tuple(
                "choices[12]",
                "'12' is neither a DTMF key (one of 0-9, * or #) nor a spoken phrase (words with"
                    + " at least one letter)"),
            tuple(
                "choices[!]",
                "'!' is neither a DTMF key (one of 0-9, * or #) nor a spoken phrase (words with"
                    + " at least one letter)"),
            tuple("choices[billing ]", "'billing ' is the same choice as 'Billing'"));
  }

  @Test
  void menuWithoutChoices_isRejected() {
    assertThat(problemsOfNode(Nodes.menu("Choose.", Map.of(), "end")))
        .containsExactly(new FlowProblem("n", "choices", "a menu needs at least one choice"));
  }

  @Test
  void durationsNotPositive_areNamed() {
    Menu menu =
        new Menu(Prompt.text("Choose."), ordered("1", "end"), Duration.ZERO, 1, null, null, "end");
    HttpLookup lookup =
        new HttpLookup("https://crm.example.com", Duration.ofSeconds(-1), Map.of(), "end", "end");
    OfferCallback offer = new OfferCallback(Prompt.text("Press 1."), "1", null, null, "end", "end");

    assertThat(problemsOfNode(menu))
        .containsExactly(new FlowProblem("n", "timeout", "timeout must be positive, got PT0S"));
    assertThat(problemsOfNode(lookup))
        .containsExactly(new FlowProblem("n", "timeout", "timeout must be positive, got PT-1S"));
    assertThat(problemsOfNode(offer))
        .containsExactly(new FlowProblem("n", "timeout", "missing timeout"));
  }

  @Test
  void negativeRetries_areNamed() {
    Menu menu =
        new Menu(Prompt.text("Choose."), ordered("1", "end"), Nodes.TIMEOUT, -1, null, null, "end");

    assertThat(problemsOfNode(menu))
        .containsExactly(
            new FlowProblem("n", "maxRetries", "maxRetries must be 0 or more, got -1"));
  }

  private static CollectDigits digits(
      int minLength, int maxLength, String terminator, String pattern, String attribute) {
    return new CollectDigits(
        Prompt.text("Digits."),
        minLength,
        maxLength,
        terminator,
        Nodes.TIMEOUT,
        pattern,
        attribute,
        1,
        null,
        null,
        "end",
        "end");
  }

  @Test
  void minLengthAboveMaxLength_isNamedAtMaxLength() {
    assertThat(problemsOfNode(digits(6, 4, "#", null, "pin")))
        .containsExactly(new FlowProblem("n", "maxLength", "maxLength 4 is less than minLength 6"));
  }

  @Test
  void minLengthBelowOne_isNamed() {
    assertThat(problemsOfNode(digits(0, 4, null, null, "pin")))
        .containsExactly(new FlowProblem("n", "minLength", "minLength must be at least 1, got 0"));
  }

  @Test
  void invalidPattern_isNamedWithItsReason() {
    assertThat(problemsOfNode(digits(4, 6, "#", "[0-9{4}", "pin")))
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.field()).isEqualTo("pattern");
              assertThat(problem.message()).startsWith("invalid regular expression: ");
            });
  }

  @Test
  void terminatorOtherThanHashOrStar_isNamed() {
    assertThat(problemsOfNode(digits(4, 6, "0", null, "pin")))
        .containsExactly(
            new FlowProblem("n", "terminator", "terminator must be '#' or '*', got '0'"));
  }

  @Test
  void badAttributeNames_areNamed() {
    assertThat(problemsOfNode(digits(4, 6, "#", null, "account number")))
        .extracting(FlowProblem::field)
        .containsExactly("attribute");
    assertThat(problemsOfNode(Nodes.set(Map.of("1st", "x"), "end")))
        .extracting(FlowProblem::field)
        .containsExactly("attributes[1st]");
  }

  @Test
  void urlThatIsNotHttp_isNamed() {
    assertThat(problemsOfNode(lookupOf("ftp://crm.example.com/${caller}")))
        .containsExactly(
            new FlowProblem(
                "n", "url", "'ftp://crm.example.com/${caller}' is not an http or https URL"));
    assertThat(problemsOfNode(lookupOf("crm.example.com/contacts")))
        .extracting(FlowProblem::field)
        .containsExactly("url");
    assertThat(problemsOfNode(lookupOf("https://${crmHost}/contacts")))
        .containsExactly(
            new FlowProblem("n", "url", "'https://${crmHost}/contacts' names no host"));
    assertThat(problemsOfNode(lookupOf("HTTPS://crm.example.com/contacts/${caller}?x=${dialed}")))
        .isEmpty();
  }

  private static HttpLookup lookupOf(String url) {
    return new HttpLookup(url, Duration.ofSeconds(2), Map.of("name", "customerName"), "end", "end");
  }

  @Test
  void malformedPlaceholders_areNamedAtTheirText() {
    assertThat(problemsOfNode(play("Hello ${name", "end")))
        .containsExactly(
            new FlowProblem(
                "n", "prompt.text", "placeholder at position 6 is not closed with '}'"));
    assertThat(problemsOfNode(play("Hello ${first name}", "end")))
        .extracting(FlowProblem::field)
        .containsExactly("prompt.text");
  }

  @Test
  void missingPromptsAndBlankFiles_areNamed() {
    assertThat(problemsOfNode(new Play(null, "end")))
        .containsExactly(new FlowProblem("n", "prompt", "missing prompt"));
    assertThat(problemsOfNode(new Voicemail("office", Prompt.file(" "))))
        .containsExactly(new FlowProblem("n", "greeting.uri", "missing greeting.uri"));
  }

  @Test
  void priorityOutOfRange_isNamed() {
    assertThat(problemsOfNode(new RouteToQueue("billing", 101)))
        .containsExactly(new FlowProblem("n", "priority", "priority must be 0-100, got 101"));
  }

  @Test
  void languagesNotTags_areNamed() {
    assertThat(problemsOfNode(new SetAttributes(Map.of(), null, null, "German", "end")))
        .extracting(FlowProblem::field)
        .containsExactly("language");
    assertThat(problemsOfNode(new Play(new Prompt.Text("Grüezi", "de_CH"), "end")))
        .extracting(FlowProblem::field)
        .containsExactly("prompt.language");
  }

  @Test
  void callbackOfferWithBadAcceptKey_isNamed() {
    OfferCallback offer =
        new OfferCallback(
            Prompt.text("Press 1."), "11", Nodes.TIMEOUT, "caller number", "end", "end");

    assertThat(problemsOfNode(offer))
        .extracting(FlowProblem::field)
        .containsExactly("acceptKey", "numberAttribute");
  }

  @Test
  void endingsWithoutMailboxOrReason_areNamed() {
    assertThat(problemsOfNode(new Voicemail("", null)))
        .containsExactly(new FlowProblem("n", "mailbox", "missing mailbox"));
    assertThat(problemsOfNode(hangUp(null)))
        .containsExactly(new FlowProblem("n", "reason", "missing reason"));
  }

  @Test
  void flowWithManyProblems_reportsEveryOneOfThem() {
    Flow flow =
        FlowBuilder.flow("broken", "hours")
            .node("hours", new CheckHours("weekend", "menu", "closed", null))
            .node(
                "menu",
                new Menu(
                    Prompt.text("Choose ${."),
                    ordered("1", "route", "99", "nowhere"),
                    Duration.ZERO,
                    2,
                    null,
                    null,
                    null))
            .node("route", new RouteToQueue("sales", null))
            .node("closed", play("Closed.", "mark"))
            .node("mark", new SetAttributes(Map.of(), null, "billing and", null, "closed"))
            .node("out", new TransferToNumber("0800 123"))
            .build();

    List<FlowProblem> problems = problemsOf(flow);

    assertThat(problems)
        .extracting(FlowProblem::node, FlowProblem::field)
        .containsExactly(
            tuple("menu", "choices[99]"),
            tuple("menu", "noInput"),
            tuple("hours", "businessHours"),
            tuple("menu", "prompt.text"),
            tuple("menu", "choices[99]"),
            tuple("menu", "timeout"),
            tuple("route", "queue"),
            tuple("mark", "skills"),
            tuple("out", "number"),
            tuple("out", "id"),
            tuple("closed", "next"));
    assertThatThrownBy(() -> FlowValidator.validate(flow, fixture.catalog))
        .isInstanceOfSatisfying(
            InvalidFlowException.class,
            e -> {
              assertThat(e.flowId()).isEqualTo("broken");
              assertThat(e.problems()).isEqualTo(problems);
              assertThat(e.getMessage())
                  .startsWith("flow 'broken' cannot run (11 problems):\n  - ")
                  .contains("  - node 'route' field 'queue': unknown queue 'sales'\n")
                  .contains(
                      "  - node 'out' field 'id': unreachable: no path leads here from start node 'hours'");
            });
  }
}
