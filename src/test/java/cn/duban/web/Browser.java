package cn.duban.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium, driven over the DevTools protocol with the JDK's own HTTP client and
 * WebSocket: no driver binary, no browser download. Enough for the browser tests: open a page,
 * run a script in it, wait for a condition, take a screenshot.
 */
final class Browser implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  /** The Chromium to use: $DUBAN_CHROMIUM, else Debian's /usr/bin/chromium, if there. */
  static Optional<Path> chromium() {
    String configured = System.getenv("DUBAN_CHROMIUM");
    Path path = Path.of(configured != null && !configured.isBlank() ? configured : "/usr/bin/chromium");
    return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
  }

  /**
   * An English browser, as Debian's Chromium is out of the box: the webapps must speak Chinese to
   * it all the same.
   */
  static Browser launch(Path chromium) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("duban-chromium");
    ProcessBuilder pb = new ProcessBuilder(chromium.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--lang=en-US", "--accept-lang=en-US,en", "--window-size=1400,1100",
        "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
        .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile());
    pb.environment().put("HOME", profile.toString());
    pb.environment().put("TZ", "Asia/Shanghai");
    pb.environment().put("LANG", "en_US.UTF-8");
    Process process = pb.start();
    Path portFile = profile.resolve("DevToolsActivePort");
    Instant until = Instant.now().plus(PATIENCE);
    while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
      if (!process.isAlive() || Instant.now().isAfter(until)) {
        process.destroyForcibly();
        throw new IllegalStateException("Chromium did not start: " + Files.readString(profile.resolve("chromium.log")));
      }
      Thread.sleep(100);
    }
    int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
    HttpClient http = HttpClient.newHttpClient();
    JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
        .build(), HttpResponse.BodyHandlers.ofString()).body());
    String page = null;
    for (JsonNode t : targets) {
      if ("page".equals(t.path("type").asText())) {
        page = t.path("webSocketDebuggerUrl").asText();
        break;
      }
    }
    if (page == null) {
      process.destroyForcibly();
      throw new IllegalStateException("Chromium has no page: " + targets);
    }
    return new Browser(process, profile, http, URI.create(page));
  }

  private Browser(Process process, Path profile, HttpClient http, URI page) {
    this.process = process;
    this.profile = profile;
    this.socket = http.newWebSocketBuilder().buildAsync(page, new Listener()).join();
    send("Page.enable", Map.of());
    send("Runtime.enable", Map.of());
  }

  /** Opens a page and waits until it has loaded. */
  void open(String url) {
    send("Page.navigate", Map.of("url", url));
    sleep(300);
    waitFor("document.readyState === 'complete'", "the page " + url + " to load");
  }

  /** Runs a script in the page and returns its value (a promise is awaited). */
  JsonNode eval(String script) {
    JsonNode result = send("Runtime.evaluate", Map.of("expression", script, "returnByValue", true,
        "awaitPromise", true));
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException("script failed: " + result.path("exceptionDetails").toString());
    }
    return result.path("result").path("value");
  }

  String text() {
    return eval("document.body ? document.body.innerText : ''").asText();
  }

  /** Waits until a script's value is true; fails with what was awaited and the page's text. */
  void waitFor(String condition, String what) {
    Instant until = Instant.now().plus(PATIENCE);
    while (Instant.now().isBefore(until)) {
      try {
        if (eval("Boolean(" + condition + ")").asBoolean()) {
          return;
        }
      } catch (IllegalStateException notYet) {
        // the page is still being replaced
      }
      sleep(250);
    }
    String text = text();
    throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what + "; the page says: "
        + text.substring(0, Math.min(text.length(), 1500)));
  }

  void waitForText(String text) {
    waitFor("document.body && document.body.innerText.includes(" + JSON.valueToTree(text) + ")", "\"" + text + "\"");
  }

  /** Types into a field as a person does: into the field, the text, then Tab out of it. */
  void type(String selector, String text) {
    send("Emulation.setFocusEmulationEnabled", Map.of("enabled", true));
    eval("document.querySelector(" + JSON.valueToTree(selector) + ").focus()");
    send("Input.insertText", Map.of("text", text));
    for (String type : List.of("keyDown", "keyUp")) {
      send("Input.dispatchKeyEvent", Map.of("type", type, "key", "Tab", "code", "Tab", "windowsVirtualKeyCode", 9));
    }
  }

  void screenshot(Path file) throws IOException {
    JsonNode shot = send("Page.captureScreenshot", Map.of("format", "png"));
    Files.createDirectories(file.getParent());
    Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
  }

  private JsonNode send(String method, Map<String, Object> params) {
    int id = ids.incrementAndGet();
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", JSON.valueToTree(params));
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    socket.sendText(message.toString(), true).join();
    try {
      JsonNode answer = reply.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      if (answer.has("error")) {
        throw new IllegalStateException(method + ": " + answer.path("error"));
      }
      return answer.path("result");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(method + " got no answer", e);
    } finally {
      pending.remove(id);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    socket.abort();
    // Chromium's helpers (zygote, renderers, crashpad) outlive a killed browser process and keep
    // writing to the profile, so they go first and the profile is removed only when all are gone.
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    all.forEach(ProcessHandle::destroy);
    for (ProcessHandle p : all) {
      try {
        p.onExit().get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        p.destroyForcibly();
      }
    }
    try (Stream<Path> files = Files.walk(profile)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // a leftover profile in the temp folder is harmless; the test's outcome must not depend on it
      System.err.println("Chromium profile " + profile + " not fully removed: " + e);
    }
  }

  /** Collects a message's fragments and hands each answer to the request waiting for it. */
  private final class Listener implements WebSocket.Listener {

    private final StringBuilder buffer = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      buffer.append(data);
      if (last) {
        try {
          JsonNode message = JSON.readTree(buffer.toString());
          if (message.has("id")) {
            CompletableFuture<JsonNode> reply = pending.get(message.get("id").asInt());
            if (reply != null) {
              reply.complete(message);
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } finally {
          buffer.setLength(0);
        }
      }
      webSocket.request(1);
      return null;
    }
  }

}
