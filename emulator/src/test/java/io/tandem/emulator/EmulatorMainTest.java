package io.tandem.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.emulator.directrouting.DirectRoutingSettings;
import io.tandem.emulator.directrouting.DirectRoutingSettings.ProxyPorts;
import org.junit.jupiter.api.Test;

/** The command line: SIP off by default, {@code --sip} and its options, refusals. */
class EmulatorMainTest {

  @Test
  void noSipOption_noSip() {
    EmulatorSettings settings = EmulatorMain.settings("--http-port", "8401");
    assertThat(settings.httpPort()).isEqualTo(8401);
    assertThat(settings.directRouting()).isNull();
  }

  @Test
  void sip_microsoftsPortsAndTheCarrierOn5080() {
    DirectRoutingSettings sip = EmulatorMain.settings("--sip").directRouting();
    assertThat(sip.proxies())
        .containsExactly(
            new ProxyPorts("sip.pstnhub.microsoft.com", 5061, 5060, 5060),
            new ProxyPorts("sip2.pstnhub.microsoft.com", 5063, 5062, 5062),
            new ProxyPorts("sip3.pstnhub.microsoft.com", 5065, 5064, 5064));
    assertThat(sip.carrierPort()).isEqualTo(5080);
    assertThat(sip.maxConcurrentCalls()).isEqualTo(10_000);
  }

  @Test
  void sipOptions_portsProxiesTransportsCallsCarrierAudio_turnSipOn() {
    EmulatorSettings settings =
        EmulatorMain.settings(
            "--sip-port-base",
            "15060",
            "--sip-proxies",
            "1",
            "--sip-transports",
            "udp,tcp",
            "--sip-max-calls",
            "5000",
            "--carrier-port",
            "15080",
            "--teams-audio",
            "silence",
            "--journal-capacity",
            "5000");
    DirectRoutingSettings sip = settings.directRouting();
    assertThat(sip.proxies())
        .containsExactly(new ProxyPorts("sip.pstnhub.microsoft.com", -1, 15060, 15060));
    assertThat(sip.maxConcurrentCalls()).isEqualTo(5000);
    assertThat(sip.carrierPort()).isEqualTo(15080);
    assertThat(sip.teamsAudio()).isEqualTo("silence");
    assertThat(settings.journalCapacity()).isEqualTo(5000);
  }

  @Test
  void badUsage_refusedWithTheReason() {
    assertThatThrownBy(() -> EmulatorMain.settings("--bogus")).hasMessage("unknown option --bogus");
    assertThatThrownBy(() -> EmulatorMain.settings("--sip-proxies"))
        .hasMessage("--sip-proxies needs a value");
    assertThatThrownBy(() -> EmulatorMain.settings("--sip-proxies", "4"))
        .hasMessage("--sip-proxies must be 1, 2 or 3");
    assertThatThrownBy(() -> EmulatorMain.settings("--sip-transports", "udp,sctp"))
        .hasMessageContaining("--sip-transports takes udp, tcp and tls");
    assertThatThrownBy(() -> EmulatorMain.settings("--carrier-port", "70000"))
        .hasMessageContaining("must be a port");
    assertThatThrownBy(() -> EmulatorMain.settings("--http-port", "x"))
        .hasMessageContaining("needs a positive number");
  }
}
