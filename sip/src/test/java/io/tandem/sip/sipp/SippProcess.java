package io.tandem.sip.sipp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A started sipp subprocess: a server (UAS) listening on {@link #port()}, or a client while it
 * runs. {@link #close()} kills it if it is still running and deletes its work directory (scenario,
 * media, statistics, error log) unless the system property {@code sipp.keep} is true.
 */
public final class SippProcess implements AutoCloseable {

  private final Process process;
  private final Path work;
  private final int port;
  private final List<String> command;

  SippProcess(Process process, Path work, int port, List<String> command) {
    this.process = process;
    this.work = work;
    this.port = port;
    this.command = List.copyOf(command);
  }

  /** The local SIP port sipp listens on. */
  public int port() {
    return port;
  }

  /** The directory sipp runs in, with stat.csv, errors.log, screen.log and sipp.out. */
  public Path workDirectory() {
    return work;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Waits at most {@code limit} for sipp to exit by itself; kills it if it did not (the result then
   * carries exit code -1).
   */
  public SippResult awaitExit(Duration limit) {
    try {
      boolean exited = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
      if (!exited) {
        kill();
        return SippResult.read(-1, work, command);
      }
      return SippResult.read(process.exitValue(), work, command);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
      throw new IllegalStateException("interrupted waiting for sipp", e);
    }
  }

  /**
   * Kills sipp if it still runs and removes its work directory (unless {@code -Dsipp.keep=true}).
   */
  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
    if (!Boolean.getBoolean("sipp.keep")) {
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private void kill() {
    process.destroy();
    try {
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** Returns once sipp holds its port, polling the bind every 20 ms while it is alive. */
  void awaitListening(Sipp.Transport transport, String host, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        if (taken(transport, host)) {
          return;
        }
        if (process.waitFor(20, TimeUnit.MILLISECONDS)) {
          throw new IllegalStateException(
              "sipp exited with " + process.exitValue() + " before listening\n" + diagnostics());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    close();
    throw new IllegalStateException("sipp did not listen on " + port + " within " + limit);
  }

  private boolean taken(Sipp.Transport transport, String host) {
    try {
      InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(host), port);
      if (transport == Sipp.Transport.UDP) {
        try (DatagramSocket probe = new DatagramSocket(null)) {
          probe.bind(address);
        }
      } else {
        try (ServerSocket probe = new ServerSocket()) {
          probe.bind(address);
        }
      }
      return false;
    } catch (BindException held) {
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String diagnostics() {
    return SippResult.read(process.exitValue(), work, command).diagnostics();
  }
}
