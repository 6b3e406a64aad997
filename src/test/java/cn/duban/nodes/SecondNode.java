package cn.duban.nodes;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.springframework.core.env.Environment;

/**
 * Another node of the application in a JVM of its own, on the database of the test's node, as an
 * office runs a second server: the same classes (the test's class path), the {@code postgres}
 * profile configured by the same environment variables, the same engine name. Its log is
 * target/second-node.log.
 */
final class SecondNode implements AutoCloseable {

  private static final Path LOG = Path.of("target", "second-node.log");
  private static final String[] DATABASE = {"DUBAN_DB_URL", "DUBAN_DB_USER", "DUBAN_DB_PASSWORD", "DUBAN_ADMIN_USER",
      "DUBAN_ADMIN_PASSWORD", "DUBAN_INITIAL_PASSWORD"};

  final int port;
  private final Process process;

  private SecondNode(int port, Process process) {
    this.port = port;
    this.process = process;
  }

  /** Starts the node and returns once it says it has started, or fails with its log. */
  static SecondNode start(Environment firstNode, String engineName, String... arguments)
      throws IOException, InterruptedException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=Asia/Shanghai",
        "-cp", classPath(), "cn.duban.Application",
        "--server.port=" + port,
        "--spring.profiles.active=postgres,demo-organization",
        "--camunda.bpm.process-engine-name=" + engineName));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    for (String variable : DATABASE) {
      builder.environment().put(variable, firstNode.getRequiredProperty(variable));
    }
    Process process = builder.start();
    CompletableFuture<Boolean> started = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
          PrintWriter log = new PrintWriter(Files.newBufferedWriter(LOG, StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          log.println(line);
          log.flush();
          if (line.contains("Started Application in")) {
            started.complete(true);
          }
        }
      } catch (IOException e) {
        started.completeExceptionally(e);
      }
      started.complete(false);
    }, "second-node-log");
    reader.setDaemon(true);
    reader.start();
    try {
      if (started.get(5, TimeUnit.MINUTES)) {
        return new SecondNode(port, process);
      }
    } catch (ExecutionException | TimeoutException e) {
      // told below, with the node's log
    }
    process.destroyForcibly();
    throw new IllegalStateException("the second node did not start (exit " + (process.isAlive() ? "-" : process.exitValue())
        + "); its log, " + LOG + ", ends: " + tail());
  }

  /**
   * The test's class path without empty entries: Surefire's ends with a separator, which a JVM reads
   * as the working directory, and the project's own processes/ and forms/ would be deployed twice.
   */
  private static String classPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isBlank()).collect(Collectors.joining(File.pathSeparator));
  }

  private static String tail() throws IOException {
    List<String> lines = Files.readAllLines(LOG);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /** Stops the node as a service manager does, and waits until it is gone. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor();
    }
  }
}
