package io.tandem.sip.b2bua;

import io.tandem.sip.stack.NameAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a call was first meant to go when a carrier diverted it (call forwarding) before it reached
 * Tandem: the first entry of History-Info (RFC 7044, index {@code 1}), else the last Diversion
 * entry (RFC 5806: the newest comes first). Entries that cannot be read are skipped; a diversion
 * that names the dialled number itself is none.
 */
final class Diversion {

  private Diversion() {}

  /**
   * The originally called number or user of a call dialled to {@code dialed}, from its {@code
   * historyInfo} and {@code diversion} header values; empty when it was not diverted.
   */
  static Optional<String> originalCalled(
      List<String> historyInfo, List<String> diversion, String dialed) {
    Optional<String> original = firstHistoryEntry(historyInfo);
    if (original.isEmpty()) {
      List<String> diverted = userParts(diversion);
      original = diverted.isEmpty() ? Optional.empty() : Optional.of(diverted.getLast());
    }
    return original.filter(number -> !number.equals(dialed));
  }

  private static Optional<String> firstHistoryEntry(List<String> values) {
    String first = null;
    String firstIndex = null;
    for (String entry : entries(values)) {
      try {
        NameAddress address = NameAddress.parse(entry);
        String index = address.parameters().getOrDefault("index", "");
        String user = address.sipUri().user();
        if (user != null && (firstIndex == null || index.compareTo(firstIndex) < 0)) {
          first = user;
          firstIndex = index;
        }
      } catch (IllegalArgumentException unreadable) {
        // Skipped: an entry Tandem cannot read names no one.
      }
    }
    return Optional.ofNullable(first);
  }

  private static List<String> userParts(List<String> values) {
    List<String> users = new ArrayList<>();
    for (String entry : entries(values)) {
      try {
        String user = NameAddress.parse(entry).sipUri().user();
        if (user != null) {
          users.add(user);
        }
      } catch (IllegalArgumentException unreadable) {
        // Skipped.
      }
    }
    return users;
  }

  /** The comma-separated entries of header values, commas inside {@code <…>} or quotes kept. */
  private static List<String> entries(List<String> values) {
    List<String> entries = new ArrayList<>();
    for (String value : values) {
      StringBuilder entry = new StringBuilder();
      boolean inAngle = false;
      boolean inQuote = false;
      for (char c : value.toCharArray()) {
        if (c == '"') {
          inQuote = !inQuote;
        } else if (c == '<' && !inQuote) {
          inAngle = true;
        } else if (c == '>' && !inQuote) {
          inAngle = false;
        }
        if (c == ',' && !inAngle && !inQuote) {
          entries.add(entry.toString().trim());
          entry.setLength(0);
        } else {
          entry.append(c);
        }
      }
      if (!entry.toString().isBlank()) {
        entries.add(entry.toString().trim());
      }
    }
    return entries;
  }
}
