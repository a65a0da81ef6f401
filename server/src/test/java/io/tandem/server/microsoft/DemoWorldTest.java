package io.tandem.server.microsoft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.agent.AgentId;
import io.tandem.emulator.world.AppRegistration;
import io.tandem.emulator.world.EmulatedTenant;
import io.tandem.emulator.world.TeamsUser;
import io.tandem.emulator.world.World;
import io.tandem.emulator.world.WorldSpecs;
import io.tandem.server.demo.DemoDefinition;
import io.tandem.server.demo.DemoFile;
import io.tandem.server.demo.InvalidDemoFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo's emulator world fits the demo file: one Teams user per agent it names, and a bot. */
class DemoWorldTest {

  private static final String WORLD = "/demo/emulator-world.yaml";
  private static final String DEMO = "/demo/demo-tenant.yaml";

  private static World world() throws IOException {
    try (InputStream in = DemoWorldTest.class.getResourceAsStream(WORLD)) {
      return new World(WorldSpecs.read(in, WORLD));
    }
  }

  private static DemoDefinition demo() throws IOException {
    try (InputStream in = DemoWorldTest.class.getResourceAsStream(DEMO)) {
      return DemoFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEMO);
    }
  }

  @Test
  void world_hasOneTenantWithABotThatMayReadPresenceAndAnswerCalls() throws IOException {
    World world = world();

    assertThat(world.tenants()).hasSize(1);
    EmulatedTenant tenant = world.tenants().iterator().next();
    assertThat(tenant.apps()).hasSize(1);
    AppRegistration bot = tenant.apps().getFirst();
    assertThat(bot.roles()).contains("Presence.Read.All", "Calls.Initiate.All");
    assertThat(bot.callingWebhook()).endsWith(MicrosoftConnection.CALLING_WEBHOOK_PATH);
    assertThat(tenant.resourceAccounts().stream().filter(line -> !line.linkedToAcs()))
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.appId()).isEqualTo(bot.appId());
              assertThat(line.phoneNumber()).startsWith("+");
            });
    // The Unify line: a resource account linked to the world's ACS resource.
    assertThat(tenant.resourceAccounts().stream().filter(line -> line.linkedToAcs()))
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.phoneNumber()).isEqualTo("+14255550400");
              assertThat(world.acsResource(line.acsResourceId())).isPresent();
            });
  }

  @Test
  void world_hasATeamsUserForEveryAgentTheDemoNames_andNoOther() throws IOException {
    EmulatedTenant tenant = world().tenants().iterator().next();
    DemoDefinition demo = demo();

    Set<String> users = tenant.users().stream().map(TeamsUser::id).collect(Collectors.toSet());
    assertThat(demo.teamsUsers()).hasSizeGreaterThanOrEqualTo(6);
    assertThat(new HashSet<>(demo.teamsUsers().values())).isEqualTo(users);
    for (TeamsUser user : tenant.users()) {
      AgentId agent =
          demo.teamsUsers().entrySet().stream()
              .filter(entry -> entry.getValue().equals(user.id()))
              .map(java.util.Map.Entry::getKey)
              .findFirst()
              .orElseThrow();
      assertThat(user.userPrincipalName()).startsWith(agent.value() + "@");
    }
  }

  @Test
  void demoFile_namingAnUnknownAgentInTeamsUsers_isRefusedWithItsLine() throws IOException {
    String text;
    try (InputStream in = DemoWorldTest.class.getResourceAsStream(DEMO)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String broken = text.replace("  billing-en-002: ", "  billing-xx-002: ");

    assertThatThrownBy(() -> DemoFile.parse(broken, DEMO))
        .isInstanceOf(InvalidDemoFileException.class)
        .satisfies(
            e ->
                assertThat(((InvalidDemoFileException) e).problems())
                    .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .matches("line \\d+: teamsUsers.billing-xx-002 names unknown agent .*"));
  }
}
