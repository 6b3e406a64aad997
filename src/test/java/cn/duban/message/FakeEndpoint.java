package cn.duban.message;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server standing in for a group robot or an SMS gateway (JDK's own): it keeps every
 * request and answers each path with the status set for it (200 and {"errcode":0} by default).
 */
final class FakeEndpoint implements AutoCloseable {

  record Request(String method, String path, String query, String contentType, String authorization, String body) {
  }

  private final HttpServer server;
  final List<Request> requests = new CopyOnWriteArrayList<>();
  private final ConcurrentHashMap<String, Integer> statuses = new ConcurrentHashMap<>();

  FakeEndpoint() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = exchange.getRequestURI().getPath();
      requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
          exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestHeaders().getFirst("Authorization"),
          body));
      int status = statuses.getOrDefault(path, 200);
      byte[] answer = (status == 200 ? "{\"errcode\":0,\"errmsg\":\"ok\"}" : "{\"errcode\":500,\"errmsg\":\"服务不可用\"}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
      exchange.sendResponseHeaders(status, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  void answer(String path, int status) {
    statuses.put(path, status);
  }

  List<Request> to(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
