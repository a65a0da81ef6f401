package io.tandem.core.flow;

import io.tandem.core.hours.OpeningStatus;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Branches on whether named business hours are open at the moment the node runs.
 *
 * <p>A holiday on which the hours open specially counts as open.
 *
 * @param businessHours the name of the tenant's business hours to consult
 * @param open the node while open
 * @param closed the node while closed
 * @param holiday the node while closed for a holiday; {@code null} continues with {@code closed}
 */
public record CheckHours(String businessHours, String open, String closed, @Nullable String holiday)
    implements FlowNode {

  /** The exit to take when the business hours report {@code status}. */
  public String exitFor(OpeningStatus status) {
    return switch (status) {
      case OpeningStatus.Open open -> this.open;
      case OpeningStatus.OpenOnHoliday openOnHoliday -> this.open;
      case OpeningStatus.Closed closed -> this.closed;
      case OpeningStatus.ClosedForHoliday closedForHoliday ->
          holiday == null ? this.closed : holiday;
    };
  }

  @Override
  public List<Exit> exits() {
    return List.of(
        Exit.required("open", open),
        Exit.required("closed", closed),
        Exit.optional("holiday", holiday));
  }
}
