package io.tandem.core.tenant;

import io.tandem.core.Ids;

/** Identifies a tenant: one organisation served by a Tandem deployment. */
public record TenantId(String value) {
  public TenantId {
    Ids.requireValid("tenant id", value);
  }

  @Override
  public String toString() {
    return value;
  }
}
