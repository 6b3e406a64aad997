package cn.duban.login;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' login form (POST {app path}/api/admin/auth/user/{engine}/login/{app}) through
 * {@link LoginThrottle}: a waiting user at an address gets 429 before the password is checked, and
 * the login resource's answer tells the throttle how the check went: 200 the right password, 401 a
 * wrong one (or an unknown user). Anything else (403 for a missing CSRF token, or for an app the user
 * may not open) says nothing about the password and counts for nothing.
 */
class WebappLoginThrottle extends OncePerRequestFilter {

  /** A login form is a few dozen bytes; a larger body is not a login. */
  private static final int MAX_BODY = 16 * 1024;

  private final LoginThrottle throttle;
  private final Pattern login;

  WebappLoginThrottle(LoginThrottle throttle, String webappPath) {
    this.throttle = throttle;
    this.login = Pattern.compile(Pattern.quote(webappPath) + "/api/admin/auth/user/[^/]+/login/[^/]+/?");
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // the path as the servlet container resolved it (decoded, normalised, without ";…"), as the
    // login resource is found by it: no other spelling of the path slips past
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return !"POST".equals(request.getMethod()) || !login.matcher(path).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    Charset charset = request.getCharacterEncoding() == null ? StandardCharsets.UTF_8
        : Charset.forName(request.getCharacterEncoding());
    String user = formField(new String(body, StandardCharsets.ISO_8859_1), "username", charset);
    String address = request.getRemoteAddr();
    Optional<Duration> wait = throttle.waitFor(user, address);
    if (wait.isPresent()) {
      TooManyAttempts.write(response, wait.get());
      return;
    }
    chain.doFilter(new Replayed(request, body), response);
    if (response.getStatus() == HttpServletResponse.SC_OK) {
      throttle.succeeded(user, address);
    } else if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.failed(user, address);
    }
  }

  /** A field of an application/x-www-form-urlencoded body, decoded as the login resource decodes it. */
  static String formField(String body, String name, Charset charset) {
    try {
      for (String pair : body.split("&")) {
        int eq = pair.indexOf('=');
        String key = eq < 0 ? pair : pair.substring(0, eq);
        if (name.equals(URLDecoder.decode(key, charset))) {
          return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), charset);
        }
      }
    } catch (IllegalArgumentException malformed) {
      // not a form the login resource reads either: counted for the address alone
    }
    return null;
  }

  /** The request with the body read above, for the login resource to read again. */
  private static final class Replayed extends HttpServletRequestWrapper {

    private final byte[] body;

    Replayed(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the login form is read at once");
        }
      };
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(getInputStream(), encoding));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
