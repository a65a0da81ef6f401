package io.tandem.core.flow;

import java.util.List;

/**
 * Ends the flow by transferring the caller to a phone number outside the contact center.
 *
 * @param number the number in E.164 form, e.g. {@code +41441234567}
 */
public record TransferToNumber(String number) implements FlowNode {

  @Override
  public List<Exit> exits() {
    return List.of();
  }
}
