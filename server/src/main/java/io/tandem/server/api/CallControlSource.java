package io.tandem.server.api;

import io.tandem.core.callcontrol.CallControl;
import io.tandem.core.tenant.TenantId;
import java.util.Optional;

/**
 * A channel of this server that controls the calls it carries: the {@link CallControl} of its calls
 * for {@code tenant}, if it serves that tenant now. Each channel's configuration provides one bean.
 */
public interface CallControlSource {

  Optional<CallControl> callControl(TenantId tenant);
}
