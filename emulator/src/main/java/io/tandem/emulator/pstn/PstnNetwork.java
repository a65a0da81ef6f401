package io.tandem.emulator.pstn;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The simulated public telephone network: hands each dialled number to the terminator serving it.
 */
public final class PstnNetwork {

  private final List<PstnTerminator> terminators = new CopyOnWriteArrayList<>();

  public void add(PstnTerminator terminator) {
    terminators.add(terminator);
  }

  /** The terminator that serves {@code e164}, first registered first. */
  public Optional<PstnTerminator> terminatorFor(String e164) {
    return terminators.stream().filter(t -> t.serves(e164)).findFirst();
  }

  /** The names of the registered terminators, in order. */
  public List<String> terminatorNames() {
    return terminators.stream().map(PstnTerminator::name).toList();
  }
}
