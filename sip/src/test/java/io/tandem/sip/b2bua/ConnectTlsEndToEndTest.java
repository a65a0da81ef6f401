package io.tandem.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.interaction.DisconnectedBy;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.emulator.journal.Direction;
import io.tandem.emulator.journal.JournalEntry;
import io.tandem.sip.stack.TlsMaterial;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Direct Routing over mutual TLS (MICROSOFT-CONTRACTS §1.1) against the emulator's proxy: the
 * caller comes in on the carrier trunk (UDP), Tandem rings the agent's Teams number over TLS
 * presenting a certificate (issued at test time by the emulator's test CA) that names its SBC FQDN,
 * and the proxy's requests reach Tandem's TLS listening point. Rejects: a certificate that does not
 * name the Contact FQDN (the proxy answers 403, the offer is declined, the caller stays queued),
 * and a proxy certificate Tandem does not trust (no connection, the caller stays queued).
 */
class ConnectTlsEndToEndTest {

  private static final String ANN = "+14255550401";
  private static final String TED_TRANSFERS_TO_BEA = "+14255550407";
  private static final String BEA = "+14255550405";
  private static final String PROXY = "sip.pstnhub.microsoft.com";

  @TempDir static Path directory;
  private static TestCertificates certificates;
  private ConnectRig rig;

  @BeforeAll
  static void issue() throws Exception {
    certificates = TestCertificates.under(directory);
  }

  @AfterEach
  void stop() {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void agentLegOverTls_callerHearsTheAgent_andHangsUp() throws Exception {
    rig = ConnectRig.overTls(certificates.naming(ConnectRig.SBC));
    // The keepalive went over TLS and the proxy accepted the certificate for the Contact FQDN.
    ConnectRig.await(() -> rig.node.proxyHealth().containsValue(200) ? true : null);
    rig.agent("ann", ANN);

    String call =
        rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"talkFor\":\"PT6S\"");

    InteractionEvent.Connected connected =
        ConnectRig.await(() -> rig.first(InteractionEvent.Connected.class));
    assertThat(connected.agent().value()).isEqualTo("ann");
    ConnectRig.await(() -> rig.toneShare(call) > 0.9 ? true : null);
    InteractionEvent.Disconnected ended =
        ConnectRig.await(() -> rig.first(InteractionEvent.Disconnected.class));
    assertThat(ended.by()).isEqualTo(DisconnectedBy.CUSTOMER);
    ConnectRig.await(() -> rig.node.activeCalls() == 0 ? true : null);
    assertThat(rig.emulator.journal().after(0, e -> e.kind().startsWith("sip.warning"), 10))
        .isEmpty();
    String invite = inviteTo(ANN);
    assertThat(invite)
        .startsWith("INVITE sip:" + ANN + "@" + PROXY)
        .contains(";transport=tls")
        .contains("Via: SIP/2.0/TLS")
        .containsPattern("Contact: <sip:\\+14255557777@" + ConnectRig.SBC + ":\\d+;transport=tls>");
    assertThat(received("OPTIONS")).anySatisfy(o -> assertThat(o).contains("Via: SIP/2.0/TLS"));
    // The call ends on Tandem's side when its BYE is sent; the proxy journals it when it arrives.
    ConnectRig.await(() -> received("BYE").isEmpty() ? null : true);
    assertThat(received("BYE")).anySatisfy(bye -> assertThat(bye).contains("Via: SIP/2.0/TLS"));
  }

  @Test
  void teamsRequestsReachTandemOverTls_referToANumber_callerHearsTheTarget() throws Exception {
    rig = ConnectRig.overTls(certificates.naming(ConnectRig.SBC));
    rig.agent("ted", TED_TRANSFERS_TO_BEA);

    String call =
        rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"talkFor\":\"PT10S\"");

    ConnectRig.await(() -> rig.first(InteractionEvent.Connected.class));
    // Ted's REFER came from the proxy to Tandem's TLS Contact; Tandem's NOTIFY and the new INVITE
    // to Bea's number went back over TLS, and the caller hears Bea through Tandem.
    ConnectRig.await(() -> sent("REFER").isEmpty() ? null : true);
    assertThat(sent("REFER")).allSatisfy(refer -> assertThat(refer).contains("Via: SIP/2.0/TLS"));
    ConnectRig.await(() -> received("NOTIFY").isEmpty() ? null : true);
    ConnectRig.await(() -> inviteTo(BEA) == null ? null : true);
    assertThat(inviteTo(BEA)).contains("Via: SIP/2.0/TLS").contains(";transport=tls");
    ConnectRig.await(() -> rig.toneShare(call) > 0.9 ? true : null);
    // Teams ended Ted's leg with a BYE to Tandem's TLS Contact.
    ConnectRig.await(() -> sent("BYE").isEmpty() ? null : true);
    assertThat(rig.callView(call).path("state").asString()).isNotEqualTo("ENDED");
  }

  @Test
  void certificateNotNamingTheContactFqdn_proxyRefuses_offerDeclined_callerStaysQueued()
      throws Exception {
    TlsMaterial elsewhere = certificates.naming("elsewhere.connect.tandem.test");
    rig = ConnectRig.overTls(elsewhere);
    ConnectRig.await(() -> rig.node.proxyHealth().containsValue(403) ? true : null);
    rig.agent("ann", ANN);

    String call =
        rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"talkFor\":\"PT8S\"");

    InteractionEvent.OfferDeclined declined =
        ConnectRig.await(() -> rig.first(InteractionEvent.OfferDeclined.class));
    assertThat(declined.agent().value()).isEqualTo("ann");
    assertThat(rig.events(InteractionEvent.Connected.class)).isEmpty();
    assertThat(rig.callView(call).path("state").asString()).isNotEqualTo("ENDED");
    assertThat(sent("403"))
        .anySatisfy(
            refusal ->
                assertThat(refusal)
                    .contains("does not match the TLS certificate")
                    .contains("elsewhere.connect.tandem.test"));
    // The caller waits on in the queue and leaves on their own: an abandon, nothing leaked.
    ConnectRig.await(() -> rig.first(InteractionEvent.Abandoned.class));
    ConnectRig.await(() -> rig.node.activeCalls() == 0 ? true : null);
  }

  @Test
  void proxyCertificateNotTrusted_tandemRefusesTheConnection_callerStaysQueued() throws Exception {
    rig = ConnectRig.overTls(certificates.namingButTrustingAnotherCa(ConnectRig.SBC));
    ConnectRig.await(() -> rig.node.proxyHealth().containsValue(408) ? true : null);
    rig.agent("ann", ANN);

    String call =
        rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"talkFor\":\"PT8S\"");

    ConnectRig.await(() -> rig.first(InteractionEvent.Queued.class));
    // The offer fails over past the only proxy and is declined; the caller stays queued.
    InteractionEvent.OfferDeclined declined =
        ConnectRig.await(() -> rig.first(InteractionEvent.OfferDeclined.class));
    assertThat(declined.agent().value()).isEqualTo("ann");
    assertThat(rig.events(InteractionEvent.Connected.class)).isEmpty();
    assertThat(rig.callView(call).path("state").asString()).isNotEqualTo("ENDED");
    // No message from Tandem ever reached the proxy.
    assertThat(received("INVITE")).noneSatisfy(i -> assertThat(i).startsWith("INVITE sip:" + ANN));
    assertThat(received("OPTIONS")).isEmpty();
    ConnectRig.await(() -> rig.first(InteractionEvent.Abandoned.class));
    ConnectRig.await(() -> rig.node.activeCalls() == 0 ? true : null);
  }

  private String inviteTo(String number) {
    return received("INVITE").stream()
        .filter(text -> text.startsWith("INVITE sip:" + number))
        .findFirst()
        .orElse(null);
  }

  /**
   * The SIP messages of {@code kind} (a method, or a status code) the emulator's proxy received,
   * each checked to have come over TLS.
   */
  private List<String> received(String kind) {
    return journal(kind, Direction.IN);
  }

  /** The SIP messages of {@code kind} the emulator's proxy sent, each checked to go over TLS. */
  private List<String> sent(String kind) {
    return journal(kind, Direction.OUT);
  }

  private List<String> journal(String kind, Direction direction) {
    List<JournalEntry> entries =
        rig.emulator
            .journal()
            .after(0, e -> e.kind().equals(kind) && e.direction() == direction, 200);
    assertThat(entries)
        .allSatisfy(e -> assertThat(e.attributes()).containsEntry("transport", "tls"));
    return entries.stream().map(e -> String.valueOf(e.body())).toList();
  }
}
