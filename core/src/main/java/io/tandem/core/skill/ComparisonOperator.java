package io.tandem.core.skill;

import org.jspecify.annotations.Nullable;

/** A comparison between an agent's proficiency in a skill and a bound 1..5. */
enum ComparisonOperator {
  AT_LEAST(">=") {
    @Override
    boolean holds(int proficiency, int bound) {
      return proficiency >= bound;
    }
  },
  MORE_THAN(">") {
    @Override
    boolean holds(int proficiency, int bound) {
      return proficiency > bound;
    }
  },
  AT_MOST("<=") {
    @Override
    boolean holds(int proficiency, int bound) {
      return proficiency <= bound;
    }
  },
  LESS_THAN("<") {
    @Override
    boolean holds(int proficiency, int bound) {
      return proficiency < bound;
    }
  },
  EQUAL("==") {
    @Override
    boolean holds(int proficiency, int bound) {
      return proficiency == bound;
    }
  },
  NOT_EQUAL("!=") {
    @Override
    boolean holds(int proficiency, int bound) {
      return proficiency != bound;
    }
  };

  private final String symbol;

  ComparisonOperator(String symbol) {
    this.symbol = symbol;
  }

  /** The operator as written in canonical text, e.g. {@code >=}. */
  String symbol() {
    return symbol;
  }

  /**
   * Whether {@code proficiency} (0 when the agent lacks the skill) satisfies this against bound.
   */
  abstract boolean holds(int proficiency, int bound);

  /** The operator written {@code symbol}, or null when there is none. */
  static @Nullable ComparisonOperator bySymbol(String symbol) {
    for (ComparisonOperator operator : values()) {
      if (operator.symbol.equals(symbol)) {
        return operator;
      }
    }
    return null;
  }
}
