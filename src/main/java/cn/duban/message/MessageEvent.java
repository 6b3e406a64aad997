package cn.duban.message;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * R33: something people are told of. The key names the event once ({@code notice:42}): the same
 * key enqueued twice (a retried job, a step that runs again, a second node) is one event. The
 * parameters are the template's values ({@code caseNumber}, {@code title}, {@code deadline},
 * {@code level}, {@code link}, ...) and the keys the recipients are found by ({@code unit},
 * {@code leader}, {@code instructingLeader}, {@code subject}, {@code person}); names are looked
 * up when the message is sent.
 */
public record MessageEvent(String key, MessageType type, Map<String, String> params) {

  /** The outbox's key column; a longer key (an analyst's long task id in it) keeps its start and a digest. */
  static final int KEY_LENGTH = 200;

  public MessageEvent {
    Objects.requireNonNull(key);
    Objects.requireNonNull(type);
    if (key.length() > KEY_LENGTH) {
      key = key.substring(0, 120) + "#" + java.util.HexFormat.of().formatHex(sha256(key));
    }
    Map<String, String> copy = new LinkedHashMap<>();
    params.forEach((k, v) -> {
      if (v != null) {
        copy.put(k, v);
      }
    });
    params = Map.copyOf(copy);
  }

  public static Builder of(MessageType type, String key) {
    return new Builder(type, key);
  }

  public static final class Builder {
    private final MessageType type;
    private final String key;
    private final Map<String, String> params = new LinkedHashMap<>();

    private Builder(MessageType type, String key) {
      this.type = type;
      this.key = key;
    }

    public Builder with(String name, Object value) {
      if (value != null) {
        params.put(name, value.toString());
      }
      return this;
    }

    public MessageEvent build() {
      return new MessageEvent(key, type, params);
    }
  }

  private static byte[] sha256(String text) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
