package io.tandem.server.wallboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.ReservationId;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.skill.AgentSkills;
import io.tandem.core.tenant.Tenant;
import io.tandem.core.tenant.TenantId;
import io.tandem.server.tenant.TenantRegistry;
import io.tandem.server.testing.Http;
import io.tandem.server.testing.RunningServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The wallboard in a real browser (Debian's headless chromium through chromium-driver, which
 * .ci/run installs): it loads, then follows traffic driven through core and the REST API — callers
 * queue, an agent logs in and answers, the call ends and shows in the last interactions — and says
 * so when the server goes away.
 *
 * <p>Skipped, saying why, only where chromium or its driver is not installed.
 */
class WallboardBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final TenantId SHOP = new TenantId("shop");

  @TempDir Path directory;
  private RunningServer server;
  private Http http;
  private WebDriver browser;

  @BeforeEach
  void start() {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "the wallboard browser test needs Debian's chromium and chromium-driver ("
            + CHROMIUM
            + ", "
            + CHROMEDRIVER
            + "): apt-get install chromium chromium-driver, as .ci/run does");
    server = RunningServer.start(directory, "--tandem.wallboard.waiting-sample-period=1s");
    http = server.http().as("supervisor");
    assertThat(http.put("/api/v1/tenants/shop", "{\"name\": \"Shop\"}").status()).isEqualTo(201);
    tell(
        t -> {
          t.configureQueue(
              QueueConfig.builder("billing").name("Billing").wrapUp(Duration.ofMinutes(5)).build());
          t.configureQueue(QueueConfig.builder("sales").name("Sales").build());
          t.configureAgent(AgentProfile.voice("anna", AgentSkills.NONE));
          t.configureAgent(AgentProfile.voice("ben", AgentSkills.NONE));
          t.configureAgent(AgentProfile.voice("cleo", AgentSkills.NONE));
        });
    browser = chromium();
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void wallboard_followsCallsQueuingBeingAnsweredAndEnding() {
    browser.get(server.base().resolve("/wallboard/shop").toString());
    By billingWaiting = By.cssSelector("[data-testid=queue-billing] [data-testid=waiting]");
    await(ExpectedConditions.textToBe(billingWaiting, "0"));
    await(ExpectedConditions.textToBe(By.cssSelector("[data-testid=connection]"), "Live"));
    assertThat(text("[data-testid=queue-sales] [data-testid=waiting]")).isEqualTo("0");
    assertThat(text("[data-testid=agents-OFFLINE]")).isEqualTo("3");

    tell(
        t -> {
          arriveAndQueue(t, "call-1", "billing");
          arriveAndQueue(t, "call-2", "billing");
        });
    await(ExpectedConditions.textToBe(billingWaiting, "2"));
    await(ExpectedConditions.attributeToBe(By.id("waiting-chart"), "data-last", "2"));

    assertThat(http.post("/api/v1/tenants/shop/agents/anna/login", "{}").status()).isEqualTo(200);
    ReservationId offer = ask(t -> t.state().agent(new AgentId("anna")).reservation());
    tell(t -> t.acceptOffer(offer));
    await(ExpectedConditions.textToBe(billingWaiting, "1"));
    await(ExpectedConditions.textToBe(By.cssSelector("[data-testid=agents-BUSY]"), "1"));
    assertThat(text("[data-testid=agents-OFFLINE]")).isEqualTo("2");
    assertThat(text("[data-testid=agents-READY]")).isEqualTo("0");
    assertThat(text("[data-testid=queue-billing] [data-testid=answered]")).isEqualTo("1");

    tell(t -> t.customerHungUp(new InteractionId("call-1")));
    await(ExpectedConditions.textToBe(By.cssSelector("[data-testid=agents-WRAP_UP]"), "1"));
    assertThat(
            http.post("/api/v1/tenants/shop/agents/anna/wrap-up", "{\"code\": \"sale\"}").status())
        .isEqualTo(200);
    await(
        ExpectedConditions.textToBe(
            By.cssSelector("[data-interaction=call-1] [data-testid=outcome]"), "answered"));
    assertThat(text("[data-interaction=call-2] [data-testid=outcome]")).isEqualTo("live");

    server.close();
    await(
        ExpectedConditions.attributeToBe(
            By.cssSelector("[data-testid=connection]"), "data-state", "lost"));
    assertThat(text("[data-testid=connection]")).contains("reconnecting");
    assertThat(text("[data-testid=queue-billing] [data-testid=answered]")).isEqualTo("1");
  }

  private static void arriveAndQueue(Tenant tenant, String id, String queue) {
    InteractionId call =
        tenant.arrive(new InteractionId(id), Channel.VOICE, "+4930111", "+4930999", Map.of());
    tenant.enqueue(call, new QueueId(queue), null);
  }

  private void await(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
    new WebDriverWait(browser, PATIENCE).until(condition);
  }

  private String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText();
  }

  private void tell(Consumer<Tenant> command) {
    server.bean(TenantRegistry.class).tenant(SHOP).tell(command).join();
  }

  private <T> T ask(Function<Tenant, T> command) {
    return server.bean(TenantRegistry.class).tenant(SHOP).ask(command).join();
  }

  /**
   * Headless chromium from the given paths only: with the driver and the browser named, Selenium
   * Manager has nothing to find or download.
   */
  private static WebDriver chromium() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }
}
