package cn.duban;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate;

/**
 * A user logged in to the Camunda webapps the way the login page does it: the session cookie and
 * the CSRF token, then requests with that session (Cockpit's plugin API, links from the webapps).
 */
public final class WebappSession {

  private final CookieManager cookies = new CookieManager();
  private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
  private final int port;

  private WebappSession(int port) {
    this.port = port;
  }

  public static WebappSession login(int port, String app, String user) {
    restoreWebappRuntime();
    WebappSession s = new WebappSession(port);
    s.get("/camunda/app/" + app + "/default/");
    String token = s.cookie("XSRF-TOKEN");
    HttpResponse<String> login = s.send(HttpRequest.newBuilder(s.uri("/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + Http.DEMO_PASSWORD)).build());
    if (login.statusCode() != 200) {
      throw new IllegalStateException("login of " + user + " failed: " + login.statusCode() + " " + login.body());
    }
    // as the app does next: ask who is logged in, which gives the new session its CSRF token
    s.get("/camunda/api/admin/auth/user/default");
    return s;
  }

  /**
   * The webapps keep their runtime in static fields, one per JVM, and a closing Spring context
   * (a test class with a context of its own) clears them; the still running shared context then
   * needs them back. Only ever needed where several contexts share a JVM: in tests.
   */
  public static synchronized void restoreWebappRuntime() {
    if (Admin.getRuntimeDelegate() == null) {
      Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
    }
    if (Cockpit.getRuntimeDelegate() == null) {
      Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
    }
    if (Tasklist.getRuntimeDelegate() == null) {
      Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
    }
    if (Welcome.getRuntimeDelegate() == null) {
      Welcome.setRuntimeDelegate(new DefaultWelcomeRuntimeDelegate());
    }
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json, text/html").GET().build());
  }

  /**
   * A change with this session, as a page in the webapps sends it: JSON, with the session's CSRF
   * token in {@code X-XSRF-TOKEN} (as the webapps do), or without it (as another site's form would).
   */
  public HttpResponse<String> send(String method, String path, String json, boolean withCsrfToken) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (withCsrfToken) {
      request.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
    }
    return send(request.build());
  }

  private String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new IllegalStateException("no cookie " + name));
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
