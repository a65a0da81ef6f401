package io.tandem.emulator.directrouting;

import io.tandem.emulator.world.ClientBehaviour;
import io.tandem.emulator.world.EmulatedTenant;
import io.tandem.emulator.world.TeamsUser;
import io.tandem.emulator.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where Teams forwards a call to a user whose client has {@code forwardTo} (MICROSOFT-CONTRACTS
 * §1.6), followed hop by hop: a user whose client would answer or decline forwards at once ("Move
 * Temporarily", SIP 302), a busy user forwards on busy (Microsoft's example cause 496 "User Busy"),
 * until a user without forwarding, a +E164 number, or {@link #MAX_HOPS}. Each user that forwarded
 * becomes one History-Info entry, in order. A user with {@code response: NO_ANSWER} and {@code
 * forwardTo} is rung alone (it never forwards); simultaneous ring is the client's {@code
 * simultaneousRingTo} ({@link SimultaneousRing}).
 */
final class Forwarding {

  static final int MAX_HOPS = 5;

  /** One retargeting: the number that was called and why the call moved on. */
  record Hop(String number, int cause, String text) {}

  /**
   * Where the call ends up: a Teams user to ring, or a PSTN number to call through the SBC, and the
   * hops on the way.
   */
  record Target(@Nullable TeamsUser user, @Nullable String pstnNumber, List<Hop> hops) {

    boolean forwarded() {
      return !hops.isEmpty();
    }
  }

  private Forwarding() {}

  static Target resolve(World world, EmulatedTenant tenant, TeamsUser callee) {
    List<Hop> hops = new ArrayList<>();
    TeamsUser current = callee;
    while (hops.size() < MAX_HOPS) {
      ClientBehaviour client = current.client();
      String forwardTo = client == null ? null : client.forwardTo();
      if (forwardTo == null || client.response() == ClientBehaviour.Response.NO_ANSWER) {
        break;
      }
      hops.add(
          client.response() == ClientBehaviour.Response.BUSY
              ? new Hop(numberOf(current), 496, "User Busy")
              : new Hop(numberOf(current), 302, "Move Temporarily"));
      if (forwardTo.startsWith("+")) {
        return new Target(null, forwardTo, List.copyOf(hops));
      }
      Optional<TeamsUser> next = world.user(tenant.id(), forwardTo);
      if (next.isEmpty()) {
        hops.remove(hops.size() - 1);
        break;
      }
      current = next.get();
    }
    return new Target(current, null, List.copyOf(hops));
  }

  /**
   * The History-Info value (RFC 4244) for {@code hops}: each entry the number at {@code
   * sip.pstnhub.microsoft.com} with {@code ;user=phone} and its Reason as URI header, indexes 1,
   * 1.1, 1.1.1 …, in chronological order, as in Microsoft's example.
   */
  static String historyInfo(List<Hop> hops) {
    StringBuilder value = new StringBuilder();
    String index = "1";
    for (Hop hop : hops) {
      if (!value.isEmpty()) {
        value.append(',');
        index = index + ".1";
      }
      value
          .append("<sip:")
          .append(hop.number())
          .append('@')
          .append(DirectRoutingSettings.PROXY_FQDNS.get(0))
          .append(";user=phone?Reason=SIP;cause=")
          .append(hop.cause())
          .append(";text=\"")
          .append(hop.text())
          .append("\">;index=")
          .append(index);
    }
    return value.toString();
  }

  static String numberOf(TeamsUser user) {
    return user.phoneNumber() == null ? user.userPrincipalName() : user.phoneNumber();
  }
}
