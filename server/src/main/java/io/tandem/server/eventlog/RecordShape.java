package io.tandem.server.eventlog;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A record class as a JSON object: its components in declaration order (each a field of the same
 * name), which of them may be {@code null} (annotated {@code @Nullable}), and its canonical
 * constructor, through which every decoded value passes the record's own validation.
 */
final class RecordShape {

  private static final ClassValue<RecordShape> SHAPES =
      new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
          return new RecordShape(type);
        }
      };

  /** One component: its field name, declared (generic) type and whether it may be null. */
  record Field(String name, Type type, boolean nullable, RecordComponent component) {}

  private final Class<?> type;
  private final List<Field> fields;
  private final Constructor<?> constructor;

  private RecordShape(Class<?> type) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type.getName() + " is not a record");
    }
    this.type = type;
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] parameterTypes = new Class<?>[components.length];
    Field[] declared = new Field[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      parameterTypes[i] = component.getType();
      boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class);
      declared[i] = new Field(component.getName(), component.getGenericType(), nullable, component);
    }
    this.fields = List.of(declared);
    try {
      this.constructor = type.getDeclaredConstructor(parameterTypes);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("record " + type.getName() + " has no canonical constructor");
    }
  }

  /** The shape of {@code type}, which must be a record. */
  static RecordShape of(Class<?> type) {
    return SHAPES.get(type);
  }

  List<Field> fields() {
    return fields;
  }

  /** The value of {@code field} in {@code record}. */
  @Nullable Object get(Object record, Field field) {
    try {
      return field.component().getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(
          "cannot read " + type.getName() + "." + field.name() + ": " + e, e);
    }
  }

  /**
   * A new record from its component values; a value the record's constructor rejects becomes an
   * {@link InvalidValue} at {@code path}.
   */
  Object create(@Nullable Object[] values, String path) {
    try {
      return constructor.newInstance(values);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException rejected) {
        throw new InvalidValue(
            path.isEmpty() ? "(payload)" : path,
            type.getSimpleName() + " rejects the value: " + rejected.getMessage());
      }
      throw new IllegalStateException("cannot construct " + type.getName() + ": " + cause, cause);
    } catch (InstantiationException | IllegalAccessException e) {
      throw new IllegalStateException("cannot construct " + type.getName() + ": " + e, e);
    }
  }
}
