package io.tandem.emulator.graph.calls;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Tests that each run against a fresh emulator and a fresh {@link GraphBot}. */
abstract class BotPerTest {

  /** A PSTN caller dialling the support line who waits an hour and stays 40 s with a person. */
  static final String CALLER =
      """
      {"from":"+14255559999","to":"+14255550100","patience":"PT1H","talkFor":"PT40S"}""";

  GraphBot bot;

  @BeforeEach
  void startBot() throws Exception {
    bot = new GraphBot();
  }

  @AfterEach
  void stopBot() {
    bot.close();
  }
}
