package io.tandem.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading the transferor of a consultative transfer from the replacing INVITE's Referred-By. */
class TeamsConsultTransferTest {

  @Test
  void transferor_isTheTeamsObjectIdInXm_lowerCased() {
    assertThat(
            TeamsConsultTransfer.transferor(
                "<sip:sip.pstnhub.microsoft.com;x-m=8:orgid:77777777-AAAA-4bbb-8ccc-000000000001"
                    + ";x-t=5c0e1d2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f;x-ti=abc>"))
        .isEqualTo("77777777-aaaa-4bbb-8ccc-000000000001");
  }

  @Test
  void transferor_noneWithoutReferredBy_withoutXm_orForAnotherKindOfMri_orUnreadable() {
    assertThat(TeamsConsultTransfer.transferor(null)).isNull();
    assertThat(TeamsConsultTransfer.transferor("<sip:sip.pstnhub.microsoft.com;x-t=t1>")).isNull();
    assertThat(TeamsConsultTransfer.transferor("<sip:sip.pstnhub.microsoft.com;x-m=28:app-1>"))
        .isNull();
    assertThat(TeamsConsultTransfer.transferor("<not a uri")).isNull();
  }
}
