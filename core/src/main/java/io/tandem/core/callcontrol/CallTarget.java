package io.tandem.core.callcontrol;

import io.tandem.core.queue.QueueId;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a transfer or a consultation goes: a queue of the tenant, a phone number, or a Teams user.
 * Written as text ({@link #parse}, {@link #text}) as {@code queue:<id>}, {@code +<E.164>} or {@code
 * teams:<Entra object id>}.
 */
public sealed interface CallTarget {

  /** The target as text, in the form {@link #parse} reads. */
  String text();

  /** A queue: the caller waits there for the next eligible agent. */
  record Queue(QueueId queue) implements CallTarget {
    @Override
    public String text() {
      return QUEUE_PREFIX + queue.value();
    }
  }

  /** A phone number in E.164 form. */
  record PhoneNumber(String e164) implements CallTarget {
    public PhoneNumber {
      if (!E164.matcher(e164).matches()) {
        throw new IllegalArgumentException(
            "a phone number is + and 7 to 15 digits, not starting with 0: " + e164);
      }
    }

    @Override
    public String text() {
      return e164;
    }
  }

  /** A Teams user, by their Entra object id. */
  record TeamsUser(String objectId) implements CallTarget {
    public TeamsUser {
      if (!OBJECT_ID.matcher(objectId).matches()) {
        throw new IllegalArgumentException(
            "a Teams user is named by an Entra object id: " + objectId);
      }
      objectId = objectId.toLowerCase(Locale.ROOT);
    }

    @Override
    public String text() {
      return TEAMS_PREFIX + objectId;
    }
  }

  /** The prefix of a queue target. */
  String QUEUE_PREFIX = "queue:";

  /** The prefix of a Teams user target. */
  String TEAMS_PREFIX = "teams:";

  /** E.164: {@code +}, a country code not starting with 0, 7 to 15 digits in all. */
  Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

  /** An Entra object id: a GUID. */
  Pattern OBJECT_ID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /**
   * Reads a target written as {@code queue:<id>}, {@code +<E.164>} or {@code teams:<object id>}.
   *
   * @throws IllegalArgumentException naming what is wrong with {@code text}
   */
  static CallTarget parse(String text) {
    String target = text.strip();
    if (target.startsWith(QUEUE_PREFIX)) {
      return new Queue(new QueueId(target.substring(QUEUE_PREFIX.length())));
    }
    if (target.startsWith(TEAMS_PREFIX)) {
      return new TeamsUser(target.substring(TEAMS_PREFIX.length()));
    }
    if (target.startsWith("+")) {
      return new PhoneNumber(target);
    }
    throw new IllegalArgumentException(
        "a target is queue:<id>, a +E.164 number or teams:<object id>, not '" + text + "'");
  }
}
