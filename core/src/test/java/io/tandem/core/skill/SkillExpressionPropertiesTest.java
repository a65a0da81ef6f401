package io.tandem.core.skill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntPredicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties over randomly generated expressions. Each is generated as a small reference tree
 * ({@link Reference}) that evaluates itself independently of the parser, and is written out with
 * random spelling: keyword case, symbol synonyms, optional parentheses and whitespace.
 */
class SkillExpressionPropertiesTest {

  private static final List<String> SKILLS = List.of("billing", "sales", "tech-support", "vip_2");
  private static final List<String> LANGUAGES = List.of("de", "en", "fr", "pt-br");

  @Property
  void parse_evaluatesExactlyAsTheGeneratedTree(
      @ForAll("references") Reference reference,
      @ForAll long spellingSeed,
      @ForAll("agents") AgentSkills agent) {
    String text = reference.write(new Random(spellingSeed));

    assertThat(SkillExpression.parse(text).matches(agent))
        .as("%s for %s", text, agent)
        .isEqualTo(reference.test(agent));
  }

  @Property
  void parse_ofToString_roundTripsToAnEqualExpression(
      @ForAll("references") Reference reference, @ForAll long spellingSeed) {
    SkillExpression expression = SkillExpression.parse(reference.write(new Random(spellingSeed)));

    SkillExpression reparsed = SkillExpression.parse(expression.toString());

    assertThat(reparsed).isEqualTo(expression);
    assertThat(reparsed.toString()).isEqualTo(expression.toString());
  }

  @Property
  void not_matchesExactlyWhenTheOperandDoesNot(
      @ForAll("references") Reference reference, @ForAll("agents") AgentSkills agent) {
    SkillExpression expression = SkillExpression.parse(reference.write(new Random(0)));

    SkillExpression negated = SkillExpression.parse("not (" + expression + ")");

    assertThat(negated.matches(agent)).isEqualTo(!expression.matches(agent));
  }

  @Property
  void score_isTheSumOfProficienciesOverTheNamedSkills(
      @ForAll("references") Reference reference, @ForAll("agents") AgentSkills agent) {
    SkillExpression expression = SkillExpression.parse(reference.write(new Random(0)));

    int expected = expression.skillNames().stream().mapToInt(agent::proficiency).sum();

    assertThat(expression.score(agent)).isEqualTo(expected);
  }

  @Provide
  Arbitrary<AgentSkills> agents() {
    Arbitrary<Map<String, Integer>> proficiencies =
        Arbitraries.maps(Arbitraries.of(SKILLS), Arbitraries.integers().between(1, 5))
            .ofMaxSize(SKILLS.size());
    Arbitrary<Set<String>> languages = Arbitraries.of(LANGUAGES).set();
    return Combinators.combine(proficiencies, languages).as(AgentSkills::new);
  }

  @Provide
  Arbitrary<Reference> references() {
    return Arbitraries.recursive(this::atoms, this::compounds, 0, 4);
  }

  private Arbitrary<Reference> atoms() {
    Arbitrary<Reference> comparison =
        Combinators.combine(
                Arbitraries.of(SKILLS),
                Arbitraries.of(ComparisonOperator.values()),
                Arbitraries.integers().between(1, 5))
            .as(Comparison::new);
    Arbitrary<Reference> bareSkill = Arbitraries.of(SKILLS).map(BareSkill::new);
    Arbitrary<Reference> speaks =
        Arbitraries.of(LANGUAGES).set().ofMinSize(1).map(tags -> new Speaks(List.copyOf(tags)));
    Arbitrary<Reference> doesNotSpeak = Arbitraries.of(LANGUAGES).map(DoesNotSpeak::new);
    return Arbitraries.oneOf(
        comparison, bareSkill, speaks, doesNotSpeak, Arbitraries.just(new Anything()));
  }

  private Arbitrary<Reference> compounds(Arbitrary<Reference> operand) {
    Arbitrary<Reference> not = operand.map(Not::new);
    Arbitrary<Reference> and = operand.list().ofMinSize(2).ofMaxSize(3).map(And::new);
    Arbitrary<Reference> or = operand.list().ofMinSize(2).ofMaxSize(3).map(Or::new);
    return Arbitraries.oneOf(not, and, or);
  }

  /** A generated expression: its meaning, and a way to write it. */
  sealed interface Reference {
    boolean test(AgentSkills agent);

    /** The expression's text; needs no parentheses around it when used as a unary operand. */
    String write(Random spelling);

    /**
     * Whether writing this as an operand of {@code and}, {@code or} or {@code not} is safe bare.
     */
    default boolean isUnary() {
      return true;
    }
  }

  record Anything() implements Reference {
    @Override
    public boolean test(AgentSkills agent) {
      return true;
    }

    @Override
    public String write(Random spelling) {
      return keyword(spelling, spelling.nextBoolean() ? "any" : "true");
    }
  }

  record BareSkill(String skill) implements Reference {
    @Override
    public boolean test(AgentSkills agent) {
      return agent.proficiencies().containsKey(skill);
    }

    @Override
    public String write(Random spelling) {
      return skill;
    }
  }

  record Comparison(String skill, ComparisonOperator operator, int bound) implements Reference {
    @Override
    public boolean test(AgentSkills agent) {
      Integer proficiency = agent.proficiencies().get(skill);
      int level = proficiency == null ? 0 : proficiency;
      IntPredicate holds =
          switch (operator) {
            case AT_LEAST -> p -> p >= bound;
            case MORE_THAN -> p -> p > bound;
            case AT_MOST -> p -> p <= bound;
            case LESS_THAN -> p -> p < bound;
            case EQUAL -> p -> p == bound;
            case NOT_EQUAL -> p -> p != bound;
          };
      return holds.test(level);
    }

    @Override
    public String write(Random spelling) {
      return skill + space(spelling) + operator.symbol() + space(spelling) + bound;
    }
  }

  record Speaks(List<String> languages) implements Reference {
    @Override
    public boolean test(AgentSkills agent) {
      return languages.stream().anyMatch(agent.languages()::contains);
    }

    @Override
    public String write(Random spelling) {
      String lang = keyword(spelling, spelling.nextBoolean() ? "lang" : "language");
      if (languages.size() == 1 && spelling.nextBoolean()) {
        return lang + space(spelling) + "==" + space(spelling) + languages.get(0);
      }
      return lang + " " + keyword(spelling, "in") + " (" + String.join(" ,", languages) + ")";
    }
  }

  record DoesNotSpeak(String language) implements Reference {
    @Override
    public boolean test(AgentSkills agent) {
      return !agent.languages().contains(language);
    }

    @Override
    public String write(Random spelling) {
      return keyword(spelling, "lang") + space(spelling) + "!=" + space(spelling) + language;
    }
  }

  record Not(Reference operand) implements Reference {
    @Override
    public boolean test(AgentSkills agent) {
      return !operand.test(agent);
    }

    @Override
    public String write(Random spelling) {
      String not = spelling.nextBoolean() ? "!" : keyword(spelling, "not") + " ";
      return not + writeOperand(spelling, operand, operand.isUnary());
    }
  }

  record And(List<Reference> operands) implements Reference {
    @Override
    public boolean test(AgentSkills agent) {
      return operands.stream().allMatch(operand -> operand.test(agent));
    }

    @Override
    public String write(Random spelling) {
      StringBuilder text = new StringBuilder();
      for (Reference operand : operands) {
        if (!text.isEmpty()) {
          text.append(spelling.nextBoolean() ? " && " : " " + keyword(spelling, "and") + " ");
        }
        text.append(writeOperand(spelling, operand, !(operand instanceof Or)));
      }
      return text.toString();
    }

    @Override
    public boolean isUnary() {
      return false;
    }
  }

  record Or(List<Reference> operands) implements Reference {
    @Override
    public boolean test(AgentSkills agent) {
      return operands.stream().anyMatch(operand -> operand.test(agent));
    }

    @Override
    public String write(Random spelling) {
      StringBuilder text = new StringBuilder();
      for (Reference operand : operands) {
        if (!text.isEmpty()) {
          text.append(spelling.nextBoolean() ? " || " : " " + keyword(spelling, "or") + " ");
        }
        text.append(writeOperand(spelling, operand, true));
      }
      return text.toString();
    }

    @Override
    public boolean isUnary() {
      return false;
    }
  }

  /** Writes an operand, in parentheses when {@code mayGoBare} is false and at random otherwise. */
  private static String writeOperand(Random spelling, Reference operand, boolean mayGoBare) {
    String text = operand.write(spelling);
    return mayGoBare && spelling.nextInt(4) > 0 ? text : "(" + text + ")";
  }

  private static String keyword(Random spelling, String keyword) {
    return switch (spelling.nextInt(3)) {
      case 0 -> keyword;
      case 1 -> keyword.toUpperCase(Locale.ROOT);
      default -> Character.toUpperCase(keyword.charAt(0)) + keyword.substring(1);
    };
  }

  private static String space(Random spelling) {
    return spelling.nextBoolean() ? " " : "";
  }
}
