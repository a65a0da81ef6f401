package io.tandem.emulator.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.emulator.EmulatorFixture;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorldTest {

  private final World world;

  WorldTest() throws Exception {
    world = new World(WorldSpecs.read(EmulatorFixture.world("contoso.yaml")));
  }

  @Test
  void tenantByDomain_findsTheFullNameFirst_thenTheParentDomain() {
    assertThat(world.tenantByDomain("sbc1.customers.tandem.test")).isPresent();
    assertThat(world.tenantByDomain("SBC1.Customers.Tandem.Test")).isPresent();
    assertThat(world.tenantByDomain("edge.contoso.test"))
        .map(EmulatedTenant::displayName)
        .hasValue("Contoso");
    assertThat(world.tenantByDomain("a.b.contoso.test")).isEmpty();
    assertThat(world.tenantByDomain("customers.tandem.test")).isEmpty();
    assertThat(world.tenantByDomain("fabrikam.test")).isEmpty();
  }

  @Test
  void lookups_byNumberAndId_acrossTheWorld() {
    assertThat(world.resourceAccountByPhone("+14255550200"))
        .hasValueSatisfying(ra -> assertThat(ra.linkedToAcs()).isTrue());
    assertThat(world.resourceAccountByPhone("+14255550100"))
        .hasValueSatisfying(ra -> assertThat(ra.linkedToAcs()).isFalse());
    assertThat(world.user("11111111-AAAA-4bbb-8ccc-000000000001"))
        .map(TeamsUser::userPrincipalName)
        .hasValue("alice@contoso.test");
    assertThat(world.userByPhone(EmulatorFixture.TENANT, "+14255550102"))
        .map(TeamsUser::displayName)
        .hasValue("Bob Agent");
    assertThat(world.app(EmulatorFixture.TENANT, EmulatorFixture.BOT_APP)).isPresent();
    assertThat(world.tenant(EmulatorFixture.TENANT.toUpperCase())).isPresent();
  }

  @Test
  void changeClient_replacesTheBehaviourAndTellsListeners() {
    List<TeamsUser> changed = new java.util.ArrayList<>();
    world.addListener(changed::add);
    ClientBehaviour busy =
        new ClientBehaviour(Duration.ZERO, ClientBehaviour.Response.BUSY, null, null, null, null);

    world.changeClient("11111111-aaaa-4bbb-8ccc-000000000001", busy);

    assertThat(world.user("11111111-aaaa-4bbb-8ccc-000000000001").orElseThrow().client())
        .isEqualTo(busy);
    assertThat(changed).hasSize(1);
    assertThatThrownBy(() -> world.changeClient("nobody", busy))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void putTenant_refusesADomainAnotherTenantRegistered() {
    EmulatedTenant squatter =
        new EmulatedTenant("t2", "Squatter", List.of("contoso.test"), null, null, null);
    assertThatThrownBy(() -> world.putTenant(squatter)).hasMessageContaining("contoso.test");
  }

  @Test
  void invalidConfiguration_isRefusedWithTheReason() {
    assertThatThrownBy(() -> read("tenants: [{id: t1, domains: [x.onmicrosoft.com]}]"))
        .hasMessageContaining("onmicrosoft.com");
    assertThatThrownBy(
            () ->
                read(
                    "tenants: [{id: t1, users: [{id: u1, userPrincipalName: u@x.test,"
                        + " phoneNumber: '14255550101'}]}]"))
        .hasMessageContaining("+E164");
    assertThatThrownBy(() -> read("tenants: [{id: t1, colour: blue}]"))
        .hasMessageContaining("colour");
    assertThatThrownBy(() -> read("acsResources: [{id: a, name: n, accessKey: '%%%'}]"))
        .hasMessageContaining("base64");
  }

  private static WorldSpec read(String yaml) {
    return WorldSpecs.read(
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
  }
}
