package io.tandem.server.config;

import io.tandem.core.tenant.Tenant;
import java.util.Map;

/**
 * Configuration as code for one tenant: export its whole configuration, and apply a document
 * all-or-nothing. {@link #export} and {@link #apply} run on the tenant's writer; {@link #read} runs
 * anywhere.
 */
public final class TenantConfigurations {

  private TenantConfigurations() {}

  /** The tenant's whole configuration as a document; call on its writer. */
  public static ConfigurationDocument export(Tenant tenant) {
    return ConfigurationDocuments.write(ConfigurationModel.of(tenant));
  }

  /**
   * The configuration {@code document} describes, checked through.
   *
   * @throws InvalidConfigurationException listing every problem with its field path
   */
  public static Wanted read(ConfigurationDocument document) {
    return new Wanted(ConfigurationDocuments.read(document));
  }

  /**
   * Makes the tenant's configuration {@code wanted} (unless {@code dryRun}) and returns the changes
   * by kind; call on its writer. Conflicts are refused before anything changes.
   *
   * @throws io.tandem.core.interaction.IllegalTransitionException on a conflict with live state
   */
  public static Map<String, ConfigurationPlan.Changes> apply(
      Tenant tenant, Wanted wanted, boolean dryRun) {
    ConfigurationPlan plan = new ConfigurationPlan(ConfigurationModel.of(tenant), wanted.model());
    if (dryRun) {
      plan.requireNoConflicts(tenant);
    } else {
      plan.apply(tenant);
    }
    return plan.changes();
  }

  /** A configuration read from a document and checked, ready to apply. */
  public static final class Wanted {

    private final ConfigurationModel model;

    Wanted(ConfigurationModel model) {
      this.model = model;
    }

    ConfigurationModel model() {
      return model;
    }
  }
}
