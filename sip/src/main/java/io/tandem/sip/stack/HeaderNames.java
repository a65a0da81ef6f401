package io.tandem.sip.stack;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SIP header names: the compact forms (RFC 3261 §7.3.3, RFC 3515, RFC 3892, RFC 4028, RFC 6665)
 * expanded, the usual spelling of well-known names, and which headers are comma-separated lists
 * whose values count one by one.
 */
final class HeaderNames {

  private static final Map<String, String> COMPACT =
      Map.ofEntries(
          Map.entry("i", "Call-ID"),
          Map.entry("m", "Contact"),
          Map.entry("e", "Content-Encoding"),
          Map.entry("l", "Content-Length"),
          Map.entry("c", "Content-Type"),
          Map.entry("f", "From"),
          Map.entry("s", "Subject"),
          Map.entry("k", "Supported"),
          Map.entry("t", "To"),
          Map.entry("v", "Via"),
          Map.entry("r", "Refer-To"),
          Map.entry("b", "Referred-By"),
          Map.entry("o", "Event"),
          Map.entry("u", "Allow-Events"),
          Map.entry("x", "Session-Expires"));

  private static final Map<String, String> SPELLING = new HashMap<>();
  private static final Set<String> SPELLED = new java.util.HashSet<>();

  static {
    for (String name :
        new String[] {
          "Accept",
          "Allow",
          "Allow-Events",
          "Call-ID",
          "Contact",
          "Content-Disposition",
          "Content-Encoding",
          "Content-Length",
          "Content-Type",
          "CSeq",
          "Diversion",
          "Event",
          "Expires",
          "From",
          "History-Info",
          "Max-Forwards",
          "Min-SE",
          "P-Asserted-Identity",
          "Privacy",
          "Proxy-Require",
          "RAck",
          "Reason",
          "Record-Route",
          "Refer-To",
          "Referred-By",
          "Replaces",
          "Require",
          "Retry-After",
          "Route",
          "RSeq",
          "Server",
          "Session-Expires",
          "Subject",
          "Subscription-State",
          "Supported",
          "Timestamp",
          "To",
          "Unsupported",
          "User-Agent",
          "Via",
          "Warning",
          "X-MS-SBC"
        }) {
      SPELLING.put(name.toLowerCase(Locale.ROOT), name);
      SPELLED.add(name);
    }
  }

  /** The list headers, spelled as {@link #canonical} spells them. */
  private static final Set<String> LISTS =
      Set.of(
          "Via",
          "Route",
          "Record-Route",
          "Contact",
          "Allow",
          "Supported",
          "Require",
          "Proxy-Require",
          "Unsupported",
          "Accept",
          "Allow-Events",
          "History-Info",
          "Diversion",
          "P-Asserted-Identity");

  private HeaderNames() {}

  /** The full name of {@code name}: compact forms expanded, well-known names spelled as usual. */
  static String canonical(String name) {
    if (SPELLED.contains(name)) {
      return name; // the usual case, without allocating
    }
    if (name.length() == 1) {
      String full = COMPACT.get(name.toLowerCase(Locale.ROOT));
      if (full != null) {
        return full;
      }
    }
    String known = SPELLING.get(name.toLowerCase(Locale.ROOT));
    return known == null ? name : known;
  }

  /** Whether headers of {@code name} (already {@link #canonical}) hold comma-separated values. */
  static boolean isList(String name) {
    return LISTS.contains(name) || LISTS.contains(canonical(name));
  }
}
