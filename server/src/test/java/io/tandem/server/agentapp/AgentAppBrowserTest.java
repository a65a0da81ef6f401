package io.tandem.server.agentapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tandem.core.agent.AgentState;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.DisconnectedBy;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.routing.Agent;
import io.tandem.core.tenant.TenantId;
import io.tandem.emulator.Emulator;
import io.tandem.server.TandemApplication;
import io.tandem.server.microsoft.EmbeddedEmulator;
import io.tandem.server.stream.EventStreams;
import io.tandem.server.tenant.RunningTenant;
import io.tandem.server.tenant.TenantRegistry;
import io.tandem.server.testing.H2Database;
import io.tandem.server.testing.Http;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The agent app in a real browser (Debian's headless chromium through chromium-driver, which
 * .ci/run installs), working a real Unify call: the server runs the demo tenant with the emulator
 * in-process playing ACS and the Teams clients; an agent with the Teams user of the emulator's
 * Generalist 1 logs in on the page, a PSTN caller dials the Unify line and presses 1, the agent's
 * Teams client answers, and the page shows the caller; the agent holds, resumes, survives a dropped
 * event stream, hangs up, wraps up with a code and is ready. A refused action (consulting a queue)
 * shows the API's problem detail.
 *
 * <p>Skipped, saying why, only where chromium or its driver is not installed.
 */
class AgentAppBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final TenantId DEMO = new TenantId("demo");
  private static final String UNIFY_LINE = "+14255550400";
  private static final String AGENT = "desk-001";
  private static final String GENERALIST_1 = "6e0a1b2c-0000-4000-8000-000000000019";

  @TempDir Path directory;
  private final List<TenantEvent> events = new CopyOnWriteArrayList<>();
  private H2Database database;
  private ConfigurableApplicationContext context;
  private WebDriver browser;
  private String base;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "the agent app browser test needs Debian's chromium and chromium-driver ("
            + CHROMIUM
            + ", "
            + CHROMEDRIVER
            + "): apt-get install chromium chromium-driver, as .ci/run does");
    database = new H2Database(directory);
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    context =
        new SpringApplication(TandemApplication.class)
            .run(
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.main.banner-mode=off",
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--tandem.demo.arrival-rate-factor=0",
                "--tandem.prompts.cache-directory=" + directory.resolve("prompt-cache"),
                "--tandem.sip.enabled=false",
                "--tandem.microsoft.emulator.direct-routing.enabled=false");
    base = "http://127.0.0.1:" + port;
    TenantRegistry tenants = context.getBean(TenantRegistry.class);
    await().atMost(PATIENCE).until(() -> tenants.find(DEMO) != null);
    RunningTenant demo = tenants.tenant(DEMO);
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                demo.ask(
                        t ->
                            t.state().agents().stream()
                                .anyMatch(agent -> agent.state().isLoggedIn()))
                    .join());
    // Only the page's agent takes calls: the demo's agents log out.
    demo.tell(
            t -> {
              t.addListener(events::add);
              for (Agent agent : List.copyOf(t.state().agents())) {
                if (agent.state() != AgentState.OFFLINE) {
                  t.logOut(agent.id());
                }
              }
            })
        .join();
    Http supervisor = Http.to(URI.create(base)).as("supervisor");
    assertThat(
            supervisor
                .put(
                    "/api/v1/tenants/demo/agents/" + AGENT,
                    "{\"name\": \"Desk Agent\", \"skills\": {\"billing\": 4, \"support\": 4},"
                        + " \"languages\": [\"en\"], \"teamsUserId\": \""
                        + GENERALIST_1
                        + "\"}")
                .status())
        .isEqualTo(201);
    assertThat(
            supervisor
                .put(
                    "/api/v1/tenants/demo/wrap-up-codes/invoice-explained",
                    "{\"label\": \"Invoice explained\"}")
                .status())
        .isEqualTo(201);
    browser = chromium();
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (context != null) {
      context.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void agent_logsIn_worksACall_holdsResumesHangsUp_wrapsUp_andIsReady() throws Exception {
    browser.get(base + "/tenants/demo/agents/" + AGENT + "/app");
    waitFor(ExpectedConditions.attributeToBe(testId("connection"), "data-state", "live"));
    waitFor(state("logged-out"));

    click("login");
    waitFor(state("ready"));

    dial(
        "{\"from\":\"+447700900555\",\"to\":\""
            + UNIFY_LINE
            + "\",\"digits\":[{\"after\":\"PT10S\",\"digits\":\"1\"}],\"talkFor\":\"PT120S\"}");
    waitFor(ExpectedConditions.textToBe(testId("caller"), "+447700900555"));
    waitFor(state("talking"));
    InteractionId call =
        events(InteractionEvent.Connected.class).stream()
            .filter(connected -> connected.agent().value().equals(AGENT))
            .findFirst()
            .orElseThrow()
            .interaction();
    assertThat(text("queue")).isEqualTo("Billing");
    assertThat(browser.findElement(testId("hold")).isEnabled()).isTrue();
    assertThat(browser.findElement(testId("resume")).isEnabled()).isFalse();
    assertThat(browser.findElement(testId("conference")).isEnabled()).isFalse();

    // Refused by the API: a consultation is with a person or a number.
    new Select(browser.findElement(testId("target-kind"))).selectByValue("queue");
    new Select(browser.findElement(testId("target-value"))).selectByValue("queue:billing");
    click("consult");
    waitFor(ExpectedConditions.visibilityOfElementLocated(testId("problem")));
    assertThat(text("problem-status")).isEqualTo("400");
    assertThat(text("problem-detail"))
        .isEqualTo("a consultation is with a person or a number, not a queue");
    assertThat(events(InteractionEvent.ConsultStarted.class)).isEmpty();

    click("hold");
    waitFor(state("on-hold"));
    assertThat(ofCall(InteractionEvent.Held.class, call)).hasSize(1);
    assertThat(browser.findElement(testId("problem")).isDisplayed()).isFalse();
    waitFor(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("[data-testid=timeline] [data-type='interaction.Held']")));

    // The stream drops; what happens meanwhile shows once the page has reconnected.
    context.getBean(EventStreams.class).closeAll();
    click("resume");
    waitFor(ExpectedConditions.attributeToBe(testId("connection"), "data-reconnects", "1"));
    waitFor(ExpectedConditions.attributeToBe(testId("connection"), "data-state", "live"));
    waitFor(state("talking"));
    assertThat(ofCall(InteractionEvent.Resumed.class, call)).hasSize(1);

    click("hang-up");
    waitFor(state("wrap-up"));
    assertThat(ofCall(InteractionEvent.Disconnected.class, call).get(0).by())
        .isEqualTo(DisconnectedBy.AGENT);
    waitFor(ExpectedConditions.visibilityOfElementLocated(testId("wrap-up")));
    assertThat(text("wrap-up-left")).endsWith("left");
    new Select(browser.findElement(testId("wrap-up-code"))).selectByValue("invoice-explained");
    browser.findElement(testId("wrap-up-notes")).sendKeys("explained the last bill");
    click("wrap-up-submit");
    waitFor(state("ready"));
    InteractionEvent.WrapUpCompleted done =
        ofCall(InteractionEvent.WrapUpCompleted.class, call).get(0);
    assertThat(done.code()).isEqualTo("invoice-explained");
    assertThat(done.notes()).isEqualTo("explained the last bill");
    assertThat(done.automatic()).isFalse();
    assertThat(text("caller")).isEqualTo("+447700900555");
  }

  private ExpectedCondition<Boolean> state(String state) {
    return ExpectedConditions.attributeToBe(testId("agent-state"), "data-state", state);
  }

  private void waitFor(ExpectedCondition<?> condition) {
    new WebDriverWait(browser, PATIENCE).until(condition);
  }

  private void click(String id) {
    waitFor(ExpectedConditions.elementToBeClickable(testId(id)));
    browser.findElement(testId(id)).click();
  }

  private String text(String id) {
    return browser.findElement(testId(id)).getText();
  }

  private static By testId(String id) {
    return By.cssSelector("[data-testid=" + id + "]");
  }

  private void dial(String script) throws Exception {
    Emulator emulator = context.getBean(EmbeddedEmulator.class).emulator();
    HttpResponse<String> placed =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(emulator.httpBaseUrl() + "/emulator/pstn/calls"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(script))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
  }

  private <T extends InteractionEvent> List<T> ofCall(Class<T> type, InteractionId call) {
    return events(type).stream().filter(event -> event.interaction().equals(call)).toList();
  }

  private <T extends TenantEvent> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Headless chromium from the given paths only, as narrow as a Teams side panel. */
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
        "--window-size=400,1400");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }
}
