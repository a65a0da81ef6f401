package io.tandem.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code tandem config apply -f file.yaml} and {@code tandem config export}: configuration as code
 * against a running server's API ({@code PUT}/{@code GET /api/v1/tenants/{tenant}/configuration}).
 * Options: {@code --server URL} (default {@value #DEFAULT_SERVER}), {@code --tenant ID} (default
 * {@value #DEFAULT_TENANT}), {@code --dry-run} (apply), {@code --json} (export as JSON), {@code -o
 * file} (export to a file). Prints the changes, or every problem with its field path.
 */
final class ConfigCommand {

  static final String DEFAULT_SERVER = "http://localhost:8080";
  static final String DEFAULT_TENANT = "demo";
  static final int OK = 0;
  static final int FAILED = 1;
  static final int INVALID = 2;

  private static final String USAGE =
      """
      Usage: java -jar tandem.jar config apply -f FILE [--dry-run] [--server URL] [--tenant ID]
             java -jar tandem.jar config export [-o FILE] [--json] [--server URL] [--tenant ID]

      Applies a tenant's whole configuration from one YAML or JSON document (all or nothing;
      what the document leaves out is removed), or exports it. Format: server/README.md.
      Defaults: --server http://localhost:8080, --tenant demo.
      """;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ConfigCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || !(args[0].equals("apply") || args[0].equals("export"))) {
      err.print(USAGE);
      return INVALID;
    }
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--dry-run", "--json" -> options.put(arg, "true");
        case "-f", "--file", "-o", "--output", "--server", "--tenant" -> {
          if (i + 1 >= args.length) {
            return usage(err, arg + " needs a value");
          }
          options.put(
              arg.length() == 2 ? (arg.equals("-f") ? "--file" : "--output") : arg, args[++i]);
        }
        default -> {
          return usage(err, "unknown option " + arg);
        }
      }
    }
    URI uri =
        URI.create(
            options.getOrDefault("--server", DEFAULT_SERVER).replaceAll("/+$", "")
                + "/api/v1/tenants/"
                + options.getOrDefault("--tenant", DEFAULT_TENANT)
                + "/configuration");
    try {
      return args[0].equals("apply")
          ? apply(uri, options, out, err)
          : export(uri, options, out, err);
    } catch (ConnectException e) {
      err.println("tandem config: cannot connect to " + uri.getAuthority());
      return FAILED;
    } catch (IOException e) {
      err.println("tandem config: " + e);
      return FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return FAILED;
    }
  }

  private static int apply(URI uri, Map<String, String> options, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    String file = options.get("--file");
    if (file == null) {
      return usage(err, "apply needs -f FILE");
    }
    Path path = Path.of(file);
    if (!Files.isRegularFile(path)) {
      err.println("tandem config: no such file: " + file);
      return INVALID;
    }
    String type = file.endsWith(".json") ? "application/json" : "application/yaml";
    boolean dryRun = options.containsKey("--dry-run");
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(uri + (dryRun ? "?dryRun=true" : "")))
                .header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofString(Files.readString(path))));
    if (response.statusCode() != 200) {
      return problem(response, err);
    }
    JsonNode changes = JSON.readTree(response.body()).get("changes");
    out.println(dryRun ? "Would change (dry run):" : "Applied:");
    for (Map.Entry<String, JsonNode> kind : changes.properties()) {
      JsonNode c = kind.getValue();
      out.printf(
          "  %-14s created %s, replaced %s, removed %s, unchanged %d%n",
          kind.getKey(),
          c.get("created"),
          c.get("replaced"),
          c.get("removed"),
          c.get("unchanged").asInt());
    }
    return OK;
  }

  private static int export(URI uri, Map<String, String> options, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    String accept = options.containsKey("--json") ? "application/json" : "application/yaml";
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(uri).header("Accept", accept).GET());
    if (response.statusCode() != 200) {
      return problem(response, err);
    }
    String output = options.get("--output");
    if (output == null) {
      out.print(response.body());
    } else {
      Files.writeString(Path.of(output), response.body(), StandardCharsets.UTF_8);
    }
    return OK;
  }

  private static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    try (HttpClient client =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
      return client.send(
          request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  /** Prints the problem document's detail and every field problem; 2 for a 400, else 1. */
  private static int problem(HttpResponse<String> response, PrintStream err) {
    err.println("tandem config: the server answered " + response.statusCode());
    JsonNode problem = parse(response.body());
    if (problem != null && problem.has("problems")) {
      for (JsonNode p : problem.get("problems")) {
        err.println("  " + p.get("field").asString() + ": " + p.get("detail").asString());
      }
    } else if (problem != null && problem.has("detail")) {
      String field = problem.has("field") ? problem.get("field").asString() + ": " : "";
      err.println("  " + field + problem.get("detail").asString());
    } else {
      err.println(response.body());
    }
    return response.statusCode() == 400 ? INVALID : FAILED;
  }

  private static @Nullable JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (JacksonException e) {
      return null;
    }
  }

  private static int usage(PrintStream err, String problem) {
    err.println("tandem config: " + problem);
    err.print(USAGE);
    return INVALID;
  }
}
