package io.tandem.media.listen;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.media.clock.ManualPacer;
import io.tandem.media.codec.G711;
import io.tandem.media.dtmf.DtmfDigit;
import io.tandem.media.dtmf.DtmfToneGenerator;
import io.tandem.media.session.RecordingRtpListener;
import io.tandem.media.session.RtpSession;
import io.tandem.media.session.RtpSessionOptions;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class InbandDtmfTapTest {

  @Test
  void tonesPlayedInBand_overPcma_areDetectedOnceEach() throws IOException {
    ManualPacer pacer = new ManualPacer();
    RecordingRtpListener heard = new RecordingRtpListener();
    List<DtmfDigit> digits = new CopyOnWriteArrayList<>();
    RtpSessionOptions pcma = RtpSessionOptions.defaults().withCodec(G711.PCMA);
    try (RtpSession caller = RtpSession.open(pcma, pacer, new RecordingRtpListener());
        RtpSession ivr = RtpSession.open(pcma, pacer, heard);
        InbandDtmfTap tap = InbandDtmfTap.listen(ivr, pacer, digits::add)) {
      caller.connect(ivr.localAddress());
      caller.play(DtmfToneGenerator.DEFAULT.source("407#"));

      for (int tick = 1; tick <= 45; tick++) {
        pacer.tick();
        heard.awaitPackets(Math.min(tick, 40));
      }

      assertThat(digits)
          .containsExactly(DtmfDigit.FOUR, DtmfDigit.ZERO, DtmfDigit.SEVEN, DtmfDigit.POUND);
      assertThat(heard.digits()).isEmpty();
    }
  }
}
