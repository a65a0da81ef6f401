package io.tandem.core.routing;

import java.util.Arrays;

/**
 * A set of agent slots as a growable bit set, with the one operation routing needs most: the next
 * slot present in two sets at once, without allocating.
 */
final class AgentSet {

  private long[] words;

  AgentSet(int capacity) {
    words = new long[Math.max(1, (capacity + 63) >>> 6)];
  }

  void add(int slot) {
    int word = slot >>> 6;
    if (word >= words.length) {
      words = Arrays.copyOf(words, Math.max(word + 1, words.length * 2));
    }
    words[word] |= 1L << slot;
  }

  void remove(int slot) {
    int word = slot >>> 6;
    if (word < words.length) {
      words[word] &= ~(1L << slot);
    }
  }

  boolean contains(int slot) {
    int word = slot >>> 6;
    return word < words.length && (words[word] & (1L << slot)) != 0;
  }

  /** The first slot ≥ {@code from} in both this set and {@code other}, or -1. */
  int nextInBoth(AgentSet other, int from) {
    if (from < 0) {
      return -1;
    }
    long[] a = words;
    long[] b = other.words;
    int limit = Math.min(a.length, b.length);
    int word = from >>> 6;
    if (word >= limit) {
      return -1;
    }
    long bits = a[word] & b[word] & (-1L << from);
    while (true) {
      if (bits != 0) {
        return (word << 6) + Long.numberOfTrailingZeros(bits);
      }
      if (++word == limit) {
        return -1;
      }
      bits = a[word] & b[word];
    }
  }

  /** How many slots this set and {@code other} share. */
  int countInBoth(AgentSet other) {
    int limit = Math.min(words.length, other.words.length);
    int count = 0;
    for (int i = 0; i < limit; i++) {
      count += Long.bitCount(words[i] & other.words[i]);
    }
    return count;
  }

  /** Whether this set and {@code other} share any slot. */
  boolean intersects(AgentSet other) {
    int limit = Math.min(words.length, other.words.length);
    for (int i = 0; i < limit; i++) {
      if ((words[i] & other.words[i]) != 0) {
        return true;
      }
    }
    return false;
  }
}
