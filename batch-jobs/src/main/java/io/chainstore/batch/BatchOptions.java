package io.chainstore.batch;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Named options: {@code --name value}, else the environment variable NAME (upper case, dashes as
 * underscores), else the default.
 */
public final class BatchOptions {

  private final Map<String, String> args = new HashMap<>();
  private final Map<String, String> env;

  public BatchOptions(String[] argv, Map<String, String> env) {
    this.env = env;
    for (int i = 0; i < argv.length; i++) {
      if (!argv[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option, got " + argv[i]);
      }
      String name = argv[i].substring(2);
      args.put(name, i + 1 < argv.length && !argv[i + 1].startsWith("--") ? argv[++i] : "true");
    }
  }

  public String get(String name, String defaultValue) {
    String value = args.get(name);
    if (value == null) {
      value = env.get(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
    return value == null ? defaultValue : value;
  }

  public String require(String name) {
    String value = get(name, null);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }
}
