package cn.duban;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Calls the running test application as a demo user (password duban2026), or anonymously with user null. */
public final class Http {

  public static final String DEMO_PASSWORD = "duban2026";

  private final HttpClient client = HttpClient.newHttpClient();
  private final int port;
  private final String password;
  private final String forwardedFor;

  public Http(int port) {
    this(port, DEMO_PASSWORD, null);
  }

  /** With the password the demo users have in this application (the postgres profile sets its own). */
  public Http(int port, String password) {
    this(port, password, null);
  }

  private Http(int port, String password, String forwardedFor) {
    this.port = port;
    this.password = password;
    this.forwardedFor = forwardedFor;
  }

  /**
   * The same calls as a client at {@code address} behind a proxy: the test connects from loopback,
   * which the application trusts as a proxy, and names the client in X-Forwarded-For.
   */
  public Http from(String address) {
    return new Http(port, password, address);
  }

  public HttpResponse<String> get(String path, String user) {
    return send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  public HttpResponse<byte[]> getBytes(String path, String user) {
    return send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  public HttpResponse<String> post(String path, String json, String user) {
    return send(request(path, user).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Any method, e.g. PUT or DELETE, with a JSON body or none. */
  public HttpResponse<String> send(String method, String path, String json, String user) {
    return send(request(path, user).header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Any method with a body of any content type (null: no Content-Type header), e.g. a form sent as text. */
  public HttpResponse<String> send(String method, String path, String body, String contentType, String user) {
    HttpRequest.Builder r = request(path, user).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      r.header("Content-Type", contentType);
    }
    return send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** A file uploaded as a multipart form's part {@code part}, as a browser's file input sends it. */
  public HttpResponse<String> upload(String path, String part, String fileName, String contentType, byte[] content,
      String user) {
    return send(uploadRequest(path, part, fileName, contentType, content, user),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** A file uploaded as {@link #upload} does, the answer as bytes (a workbook, say). */
  public HttpResponse<byte[]> uploadBytes(String path, String part, String fileName, String contentType, byte[] content,
      String user) {
    return send(uploadRequest(path, part, fileName, contentType, content, user), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest uploadRequest(String path, String part, String fileName, String contentType, byte[] content,
      String user) {
    String boundary = "duban-" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return request(path, user).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
  }

  /**
   * A deployment as Camunda Modeler's deploy dialog sends it: {@code POST .../deployment/create},
   * multipart, its fields (deployment-name, deployment-source, deploy-changed-only) and each file
   * as a part named by the file.
   */
  public HttpResponse<String> deploy(String path, java.util.Map<String, String> fields, java.util.Map<String, byte[]> files,
      String user) {
    String boundary = "----CamundaModelerBoundary" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
        + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    files.forEach((name, content) -> {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + name
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(content);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    });
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(request(path, user).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** With a password of one's own, e.g. a wrong one. */
  public HttpResponse<String> get(String path, String user, String password) {
    HttpRequest.Builder r = request(path, null).header("Authorization", basic(user, password));
    return send(r.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder request(String path, String user) {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (forwardedFor != null) {
      r.header("X-Forwarded-For", forwardedFor);
    }
    return user == null ? r : r.header("Authorization", basic(user, password));
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
    try {
      return client.send(request, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
