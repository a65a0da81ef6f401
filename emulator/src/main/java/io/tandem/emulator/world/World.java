package io.tandem.emulator.world;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * The simulated Microsoft cloud: tenants and their users, resource accounts and apps, and ACS
 * resources, indexed the ways the emulated services look them up. Thread-safe; scenarios may add
 * and change things while calls run.
 */
public final class World {

  private final Map<String, EmulatedTenant> tenants = new ConcurrentHashMap<>();
  private final Map<String, AcsResource> acsResources = new ConcurrentHashMap<>();
  private final List<WorldListener> listeners = new CopyOnWriteArrayList<>();
  private final List<CarrierTrunk> carrierTrunks;

  public World(WorldSpec spec) {
    spec.tenants().forEach(this::putTenant);
    spec.acsResources().forEach(this::putAcsResource);
    this.carrierTrunks = spec.carrierTrunks();
  }

  /** The carrier SIP trunks towards contact centers. */
  public List<CarrierTrunk> carrierTrunks() {
    return carrierTrunks;
  }

  /** An empty world. */
  public static World empty() {
    return new World(new WorldSpec(List.of(), List.of(), List.of()));
  }

  /**
   * Adds or replaces a tenant, refusing ids, numbers or domains that another tenant already owns.
   */
  public synchronized void putTenant(EmulatedTenant tenant) {
    for (EmulatedTenant other : tenants.values()) {
      if (other.id().equals(tenant.id())) {
        continue;
      }
      for (String domain : tenant.domains()) {
        if (other.domains().contains(domain)) {
          throw new IllegalArgumentException(
              "domain " + domain + " is already registered by tenant " + other.id());
        }
      }
    }
    tenants.put(key(tenant.id()), tenant);
  }

  public synchronized void putAcsResource(AcsResource resource) {
    acsResources.put(resource.id(), resource);
  }

  public Collection<EmulatedTenant> tenants() {
    return List.copyOf(tenants.values());
  }

  public Collection<AcsResource> acsResources() {
    return List.copyOf(acsResources.values());
  }

  public Optional<EmulatedTenant> tenant(String tenantId) {
    return Optional.ofNullable(tenants.get(key(tenantId)));
  }

  /**
   * The tenant that registered {@code fqdn}: the full name first, then the parent domain (the FQDN
   * without its host label), as Direct Routing does for the carrier model.
   */
  public Optional<EmulatedTenant> tenantByDomain(String fqdn) {
    String name = fqdn.toLowerCase(Locale.ROOT);
    Optional<EmulatedTenant> exact = tenantOwning(name);
    if (exact.isPresent()) {
      return exact;
    }
    int dot = name.indexOf('.');
    return dot < 0 ? Optional.empty() : tenantOwning(name.substring(dot + 1));
  }

  private Optional<EmulatedTenant> tenantOwning(String domain) {
    return tenants.values().stream().filter(t -> t.domains().contains(domain)).findFirst();
  }

  public Optional<AppRegistration> app(String tenantId, String appId) {
    return tenant(tenantId).flatMap(t -> find(t.apps(), a -> a.appId().equals(appId)));
  }

  public Optional<TeamsUser> user(String tenantId, String userId) {
    return tenant(tenantId).flatMap(t -> find(t.users(), u -> sameId(u.id(), userId)));
  }

  /** A user by object id in any tenant. */
  public Optional<TeamsUser> user(String userId) {
    return tenants.values().stream()
        .flatMap(t -> t.users().stream())
        .filter(u -> sameId(u.id(), userId))
        .findFirst();
  }

  /** The tenant a user belongs to. */
  public Optional<EmulatedTenant> tenantOfUser(String userId) {
    return tenants.values().stream()
        .filter(t -> t.users().stream().anyMatch(u -> sameId(u.id(), userId)))
        .findFirst();
  }

  public Optional<TeamsUser> userByPhone(String tenantId, String e164) {
    return tenant(tenantId).flatMap(t -> find(t.users(), u -> e164.equals(u.phoneNumber())));
  }

  public Optional<ResourceAccount> resourceAccount(String tenantId, String id) {
    return tenant(tenantId).flatMap(t -> find(t.resourceAccounts(), r -> sameId(r.id(), id)));
  }

  public Optional<ResourceAccount> resourceAccountByPhone(String tenantId, String e164) {
    return tenant(tenantId)
        .flatMap(t -> find(t.resourceAccounts(), r -> e164.equals(r.phoneNumber())));
  }

  /** The resource account (in any tenant) that owns a phone number. */
  public Optional<ResourceAccount> resourceAccountByPhone(String e164) {
    return tenants.values().stream()
        .flatMap(t -> t.resourceAccounts().stream())
        .filter(r -> e164.equals(r.phoneNumber()))
        .findFirst();
  }

  /** The tenant a resource account belongs to. */
  public Optional<EmulatedTenant> tenantOfResourceAccount(String resourceAccountId) {
    return tenants.values().stream()
        .filter(t -> t.resourceAccounts().stream().anyMatch(r -> sameId(r.id(), resourceAccountId)))
        .findFirst();
  }

  public Optional<AcsResource> acsResource(String id) {
    return Optional.ofNullable(acsResources.get(id));
  }

  /** Replaces a user's client behaviour; returns the updated user. */
  public synchronized TeamsUser changeClient(String userId, ClientBehaviour behaviour) {
    return updateUser(userId, u -> u.withClient(behaviour));
  }

  private TeamsUser updateUser(String userId, UnaryOperator<TeamsUser> change) {
    EmulatedTenant tenant =
        tenantOfUser(userId)
            .orElseThrow(() -> new IllegalArgumentException("no such user: " + userId));
    List<TeamsUser> users = new ArrayList<>();
    TeamsUser changed = null;
    for (TeamsUser user : tenant.users()) {
      if (sameId(user.id(), userId)) {
        changed = change.apply(user);
        users.add(changed);
      } else {
        users.add(user);
      }
    }
    tenants.put(
        key(tenant.id()),
        new EmulatedTenant(
            tenant.id(),
            tenant.displayName(),
            tenant.domains(),
            tenant.apps(),
            users,
            tenant.resourceAccounts(),
            tenant.gateways(),
            tenant.voiceRoutes()));
    TeamsUser result = java.util.Objects.requireNonNull(changed);
    listeners.forEach(l -> l.userChanged(result));
    return result;
  }

  public void addListener(WorldListener listener) {
    listeners.add(listener);
  }

  private static String key(String tenantId) {
    return tenantId.toLowerCase(Locale.ROOT);
  }

  private static boolean sameId(String a, String b) {
    return a.equalsIgnoreCase(b);
  }

  private static <T> Optional<T> find(List<T> items, java.util.function.Predicate<T> test) {
    return items.stream().filter(test).findFirst();
  }
}
