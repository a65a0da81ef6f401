package io.tandem.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Validation of random flow graphs, built by {@link RandomFlows}. */
class FlowValidatorPropertiesTest {

  private final FlowCatalog catalog = new FlowRunFixture().catalog;

  @Property(tries = 500)
  void flowsWhoseEveryLoopPassesAMenu_alwaysValidate(@ForAll("wellFormedFlows") Flow flow) {
    assertThat(FlowValidator.problems(flow, catalog)).isEmpty();
  }

  @Property(tries = 500)
  void flowsWithALoopWithoutInput_areRejectedForExactlyThatLoop(
      @ForAll("flowsWithALoopWithoutInput") RandomFlows.LoopedFlow looped) {
    List<FlowProblem> problems = FlowValidator.problems(looped.flow(), catalog);

    assertThat(problems)
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.node()).isEqualTo(looped.loopStart());
              assertThat(problem.message()).startsWith("loop without input: " + looped.loopStart());
            });
  }

  @Provide
  Arbitrary<Flow> wellFormedFlows() {
    return Combinators.combine(sizes(), randoms()).as(RandomFlows::wellFormed);
  }

  @Provide
  Arbitrary<RandomFlows.LoopedFlow> flowsWithALoopWithoutInput() {
    return Combinators.combine(sizes(), randoms()).as(RandomFlows::withLoopWithoutInput);
  }

  private static Arbitrary<Integer> sizes() {
    return Arbitraries.integers().between(2, 30);
  }

  private static Arbitrary<List<Integer>> randoms() {
    return Arbitraries.integers().between(0, 1_000_000).list().ofMinSize(1).ofMaxSize(120);
  }
}
