package io.tandem.core.flow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Unmodifiable copies of maps that keep their insertion order and, unlike {@link Map#copyOf}, keep
 * {@code null} keys and values, so that {@link FlowValidator} can report them instead of a record
 * constructor throwing at the first one.
 */
final class OrderedMaps {

  private OrderedMaps() {}

  /**
   * An unmodifiable, insertion-ordered copy of {@code map} (a {@link java.util.SequencedMap}, so
   * that serialisers keep the order); empty for {@code null}.
   */
  static <K, V> Map<K, V> copyOf(@Nullable Map<K, V> map) {
    return map == null ? Map.of() : Collections.unmodifiableSequencedMap(new LinkedHashMap<>(map));
  }
}
