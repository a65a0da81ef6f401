package io.tandem.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading where a diverted call was first meant to go (History-Info, Diversion). */
class DiversionTest {

  private static final String DIALED = "+14255550190";

  @Test
  void historyInfo_theFirstIndexIsTheOriginalTarget_inOneHeaderOrSeveral() {
    String history =
        "<sip:+14257123456@sip.pstnhub.microsoft.com;user=phone?Reason=SIP%3Bcause%3D302>;index=1,"
            + " <sip:+14255550190@sip.pstnhub.microsoft.com;user=phone>;index=1.1";

    assertThat(Diversion.originalCalled(List.of(history), List.of(), DIALED))
        .hasValue("+14257123456");
    assertThat(
            Diversion.originalCalled(
                List.of(
                    "<sip:+14255550190@carrier.example;user=phone>;index=1.1",
                    "<sip:+14257123456@carrier.example;user=phone>;index=1"),
                List.of(),
                DIALED))
        .hasValue("+14257123456");
  }

  @Test
  void diversion_theLastEntryIsTheOriginalCalledParty() {
    List<String> diversion =
        List.of(
            "<sip:+14255550111@carrier.example>;reason=no-answer;counter=1",
            "\"Main, Line\" <sip:+14255550100@carrier.example>;reason=unconditional;counter=1");

    assertThat(Diversion.originalCalled(List.of(), diversion, DIALED)).hasValue("+14255550100");
  }

  @Test
  void historyInfoWinsOverDiversion() {
    assertThat(
            Diversion.originalCalled(
                List.of("<sip:+14257123456@h>;index=1"),
                List.of("<sip:+14255550100@h>;reason=unconditional"),
                DIALED))
        .hasValue("+14257123456");
  }

  @Test
  void notDiverted_orOnlyToItself_orUnreadable_isEmpty() {
    assertThat(Diversion.originalCalled(List.of(), List.of(), DIALED)).isEmpty();
    assertThat(Diversion.originalCalled(List.of("<sip:+14255550190@h>;index=1"), List.of(), DIALED))
        .isEmpty();
    assertThat(
            Diversion.originalCalled(
                List.of("<mailto:x@y>;index=1", "garbage <"), List.of(), DIALED))
        .isEmpty();
  }
}
