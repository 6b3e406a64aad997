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

  private final CookieManager cookies;
  private final HttpClient client;
  private final int port;
  private final String engine;
  private final String forwardedFor;

  private WebappSession(CookieManager cookies, HttpClient client, int port, String engine, String forwardedFor) {
    this.cookies = cookies;
    this.client = client;
    this.port = port;
    this.engine = engine;
    this.forwardedFor = forwardedFor;
  }

  public static WebappSession login(int port, String app, String user) {
    return login(port, "default", app, user, Http.DEMO_PASSWORD);
  }

  /** Logs in to the engine of that name (a test context of its own has a generated one) with that password. */
  public static WebappSession login(int port, String engine, String app, String user, String password) {
    WebappSession s = open(port, engine, null);
    HttpResponse<String> login = s.tryLogin(app, user, password);
    if (login.statusCode() != 200) {
      throw new IllegalStateException("login of " + user + " failed: " + login.statusCode() + " " + login.body());
    }
    // as the app does next: ask who is logged in, which gives the new session its CSRF token
    s.get("/camunda/api/admin/auth/user/" + engine);
    return s;
  }

  /**
   * A browser at the login page of the engine's webapps, not yet logged in; with {@code forwardedFor}
   * a client at that address behind a proxy (X-Forwarded-For from loopback, which the application trusts).
   */
  public static WebappSession open(int port, String engine, String forwardedFor) {
    restoreWebappRuntime();
    CookieManager cookies = new CookieManager();
    WebappSession s = new WebappSession(cookies, HttpClient.newBuilder().cookieHandler(cookies).build(), port, engine,
        forwardedFor);
    s.get("/camunda/app/tasklist/" + engine + "/");
    return s;
  }

  /** The login form sent as the login page sends it; the answer as it is. */
  public HttpResponse<String> tryLogin(String app, String user, String password) {
    return send(builder("/camunda/api/admin/auth/user/" + engine + "/login/" + app)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))).build());
  }

  /** The same browser, its cookies and all, talking to another node of the application. */
  public WebappSession at(int otherPort) {
    return new WebappSession(cookies, client, otherPort, engine, forwardedFor);
  }

  /**
   * A change with this session, as a page in the webapps sends it: JSON (or no body), with the
   * session's CSRF token in {@code X-XSRF-TOKEN} (as the webapps do), or without it (as another
   * site's form would).
   */
  public HttpResponse<String> send(String method, String path, String json, boolean withToken) {
    HttpRequest.Builder b = builder(path).header("Accept", "application/json").header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (withToken) {
      b.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
    }
    return send(b.build());
  }

  /**
   * Any request as the webapps' own scripts send it, with the session's CSRF token, and a body of
   * any content type ({@code contentType} null sends none): a form sent as text, say.
   */
  public HttpResponse<String> request(String method, String path, String body, String contentType) {
    HttpRequest.Builder r = builder(path).header("Accept", "application/json, text/plain, */*")
        .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      r.header("Content-Type", contentType);
    }
    return send(r.build());
  }

  /** A JSON body posted as Tasklist posts a form, with the session's CSRF token. */
  public HttpResponse<String> post(String path, String json) {
    return request("POST", path, json, "application/json");
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
    return send(builder(path).header("Accept", "application/json, text/html").GET().build());
  }

  private HttpRequest.Builder builder(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
    return forwardedFor == null ? b : b.header("X-Forwarded-For", forwardedFor);
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
