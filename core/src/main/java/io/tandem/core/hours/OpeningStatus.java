package io.tandem.core.hours;

/** Whether business hours are open at an instant, and whether a holiday decided it. */
public sealed interface OpeningStatus {

  /** Whether business is open. */
  boolean isOpen();

  /** Open by the weekly schedule. */
  record Open() implements OpeningStatus {
    @Override
    public boolean isOpen() {
      return true;
    }
  }

  /** Closed by the weekly schedule. */
  record Closed() implements OpeningStatus {
    @Override
    public boolean isOpen() {
      return false;
    }
  }

  /** Closed because of the holiday {@code holidayName}, all day or outside its special hours. */
  record ClosedForHoliday(String holidayName) implements OpeningStatus {
    @Override
    public boolean isOpen() {
      return false;
    }
  }

  /** Open during the special hours of the holiday {@code holidayName}. */
  record OpenOnHoliday(String holidayName) implements OpeningStatus {
    @Override
    public boolean isOpen() {
      return true;
    }
  }
}
