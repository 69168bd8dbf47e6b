package io.chainstore.streaming;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Named job options: {@code --name value} on the command line, else the environment variable NAME
 * (upper case, dashes as underscores), else the default.
 */
public final class JobOptions {

  private final Map<String, String> args;
  private final Map<String, String> env;

  public JobOptions(String[] argv, Map<String, String> env) {
    this.env = env;
    this.args = new HashMap<>();
    for (int i = 0; i < argv.length; i++) {
      if (!argv[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option, got " + argv[i]);
      }
      String name = argv[i].substring(2);
      if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
        args.put(name, argv[++i]);
      } else {
        args.put(name, "true");
      }
    }
  }

  public String get(String name, String defaultValue) {
    String value = args.get(name);
    if (value == null) {
      value = env.get(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
    return value == null ? defaultValue : value;
  }

  public long getLong(String name, long defaultValue) {
    return Long.parseLong(get(name, Long.toString(defaultValue)));
  }

  public boolean getBoolean(String name) {
    return Boolean.parseBoolean(get(name, "false"));
  }
}
