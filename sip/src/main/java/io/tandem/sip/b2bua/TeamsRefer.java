package io.tandem.sip.b2bua;

import io.tandem.sip.stack.InboundRequest;
import io.tandem.sip.stack.NameAddress;
import io.tandem.sip.stack.SipHeader;
import io.tandem.sip.stack.SipUri;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A REFER Teams sent on an agent leg (the Teams user transfers the caller; MICROSOFT-CONTRACTS
 * §1.5, RFC 3515 and RFC 5589), read: where the new INVITE goes (Refer-To's URI: {@code
 * +E164@proxy;user=phone}, or the proxy with {@code x-m} and {@code x-t} for a Teams user, or a
 * {@code tel:} number), the headers it carries (Referred-By, and a Replaces embedded in Refer-To),
 * the target as the domain names it ({@code +E164}, {@code teams:<object id>}, else the URI) and
 * the subscription's event id (the REFER's CSeq).
 *
 * @param uri the Request-URI of the new INVITE, without embedded headers
 * @param carried headers the new INVITE carries
 * @param target the transfer target as the domain records it
 * @param eventId the {@code id} of the implicit refer subscription
 */
record TeamsRefer(SipUri uri, List<SipHeader> carried, String target, long eventId) {

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
  private static final String TEAMS_USER_MRI = "8:orgid:";

  TeamsRefer {
    carried = List.copyOf(carried);
  }

  /** Why a REFER is refused, as a SIP status with a warning text. */
  static final class Refused extends Exception {
    private final int status;
    private final String reason;

    Refused(int status, String reason, String warning) {
      super(warning);
      this.status = status;
      this.reason = reason;
    }

    int status() {
      return status;
    }

    String reason() {
      return reason;
    }
  }

  /**
   * Reads {@code refer}; {@code proxy} is the Microsoft proxy a {@code tel:} target is sent to.
   *
   * @throws Refused 400 without exactly one readable Refer-To, 416 for a URI scheme other than sip,
   *     sips or tel, 501 for a referral to a method other than INVITE
   */
  static TeamsRefer read(InboundRequest refer, String proxy) throws Refused {
    return of(
        refer.headerValues("Refer-To"),
        refer.header("Referred-By").orElse(null),
        refer.cseq(),
        proxy);
  }

  /**
   * Reads a REFER's {@code referTo} values and {@code referredBy}; {@code cseq} is its CSeq.
   *
   * @throws Refused as {@link #read}
   */
  static TeamsRefer of(List<String> referTo, @Nullable String referredBy, long cseq, String proxy)
      throws Refused {
    if (referTo.size() != 1) {
      throw new Refused(400, "Bad Request", "a REFER needs exactly one Refer-To");
    }
    NameAddress address;
    try {
      address = NameAddress.parse(referTo.get(0));
    } catch (IllegalArgumentException unreadable) {
      throw new Refused(400, "Bad Request", "Refer-To is not a name-addr: " + referTo.get(0));
    }
    String text = address.uri();
    String scheme = text.contains(":") ? text.substring(0, text.indexOf(':')) : "";
    SipUri uri =
        switch (scheme.toLowerCase(Locale.ROOT)) {
          case "sip", "sips" -> sipUri(text);
          case "tel" -> telUri(text, proxy);
          default ->
              throw new Refused(
                  416, "Unsupported URI Scheme", "Refer-To must be a sip, sips or tel URI");
        };
    String method = uri.parameter("method");
    if (method != null && !method.equalsIgnoreCase("INVITE")) {
      throw new Refused(501, "Not Implemented", "only referrals to INVITE are carried out");
    }
    List<SipHeader> carried = new ArrayList<>();
    if (referredBy != null) {
      carried.add(SipHeader.of("Referred-By", referredBy));
    }
    embedded(text, "Replaces").ifPresent(value -> carried.add(SipHeader.of("Replaces", value)));
    return new TeamsRefer(uri, carried, target(uri), cseq);
  }

  private static SipUri sipUri(String text) throws Refused {
    try {
      return SipUri.parse(text);
    } catch (IllegalArgumentException malformed) {
      throw new Refused(400, "Bad Request", "Refer-To is not a SIP URI: " + malformed.getMessage());
    }
  }

  private static SipUri telUri(String text, String proxy) throws Refused {
    String number = text.substring(4).split("[;?]", 2)[0];
    if (!E164.matcher(number).matches()) {
      throw new Refused(400, "Bad Request", "a tel: Refer-To must be a +E164 number");
    }
    return SipUri.parse("sip:" + number + "@" + proxy + ";user=phone");
  }

  /** What the domain records as the target: {@code +E164}, {@code teams:<id>}, else the URI. */
  private static String target(SipUri uri) {
    String user = uri.user();
    if (user != null && E164.matcher(user).matches()) {
      return user;
    }
    String mri = uri.parameter("x-m");
    if (mri != null && mri.startsWith(TEAMS_USER_MRI)) {
      return "teams:" + mri.substring(TEAMS_USER_MRI.length()).toLowerCase(Locale.ROOT);
    }
    return uri.toString();
  }

  /** A header embedded in the URI after {@code ?} (RFC 3261 §19.1.1), percent-decoded. */
  private static Optional<String> embedded(String uri, String name) {
    int question = uri.indexOf('?');
    if (question < 0) {
      return Optional.empty();
    }
    for (String pair : uri.substring(question + 1).split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equalsIgnoreCase(name)) {
        return Optional.of(
            URLDecoder.decode(
                pair.substring(equals + 1).replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }

  /** The Request-URI of the new INVITE sent through {@code proxy}: its host and port replaced. */
  String requestUriVia(String fqdn, int port, String transport) {
    SipUri via =
        new SipUri(
            uri.scheme(), uri.user(), fqdn, port, withTransport(uri.parameters(), transport));
    return via.toString();
  }

  /** The To URI of the new INVITE: the target at {@code fqdn}, without port or transport. */
  String toUri(String fqdn) {
    Map<String, String> parameters = new LinkedHashMap<>(uri.parameters());
    parameters.remove("transport");
    parameters.remove("method");
    return new SipUri(uri.scheme(), uri.user(), fqdn, -1, parameters).toString();
  }

  private static Map<String, String> withTransport(
      Map<String, String> parameters, @Nullable String transport) {
    Map<String, String> copy = new LinkedHashMap<>(parameters);
    copy.remove("method");
    if (transport != null) {
      copy.put("transport", transport);
    }
    return copy;
  }
}
