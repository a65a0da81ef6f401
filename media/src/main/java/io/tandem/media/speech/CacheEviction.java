package io.tandem.media.speech;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Measures and trims {@link CachedSpeech}'s directory: oldest files (by modification) go first. */
final class CacheEviction {

  private record Entry(Path path, FileTime modified, long size) {}

  private CacheEviction() {}

  /** The bytes of the files ending in {@code suffix} directly in {@code directory}. */
  static long sizeOf(Path directory, String suffix) {
    return entries(directory, suffix).stream().mapToLong(Entry::size).sum();
  }

  /**
   * Deletes the oldest files ending in {@code suffix} until at most {@code target} bytes remain.
   */
  static long trim(Path directory, String suffix, long target) {
    List<Entry> entries = new ArrayList<>(entries(directory, suffix));
    entries.sort(Comparator.comparing(Entry::modified));
    long total = entries.stream().mapToLong(Entry::size).sum();
    for (Entry entry : entries) {
      if (total <= target) {
        break;
      }
      try {
        Files.deleteIfExists(entry.path());
        total -= entry.size();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete " + entry.path(), e);
      }
    }
    return total;
  }

  private static List<Entry> entries(Path directory, String suffix) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      List<Entry> entries = new ArrayList<>();
      for (Path file : (Iterable<Path>) files::iterator) {
        if (!file.getFileName().toString().endsWith(suffix)) {
          continue;
        }
        try {
          BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
          if (attributes.isRegularFile()) {
            entries.add(new Entry(file, attributes.lastModifiedTime(), attributes.size()));
          }
        } catch (NoSuchFileException e) {
          // deleted meanwhile
        }
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }
}
