package io.chainstore.demo;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * Where the commands that read a deployment find it: {@code --name value} options, else the
 * environment (NAME_IN_CAPITALS), else the stack file a running {@code ./chainstore demo
 * --keep-running} left in the work directory ({@code --work-dir}, default {@code .demo}).
 */
final class StackOptions {

  private final Path workDir;
  private final Properties options;
  private final Properties stack;

  private StackOptions(Path workDir, Properties options, Properties stack) {
    this.workDir = workDir;
    this.options = options;
    this.stack = stack;
  }

  static StackOptions parse(String[] args) throws IOException {
    Properties options = new Properties();
    Path workDir = Path.of(".demo");
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --option value, got " + args[i]);
      }
      String name = args[i].substring(2);
      String value = args[++i];
      if (name.equals("work-dir")) {
        workDir = Path.of(value);
      } else {
        options.setProperty(name, value);
      }
    }
    Properties stack = new Properties();
    Path stackFile = workDir.resolve(LocalStack.STACK_FILE);
    if (Files.exists(stackFile)) {
      try (Reader in = Files.newBufferedReader(stackFile)) {
        stack.load(in);
      }
    }
    return new StackOptions(workDir, options, stack);
  }

  Path workDir() {
    return workDir;
  }

  /** An option given on the command line only, or null. */
  String given(String name) {
    return options.getProperty(name);
  }

  /** An option given, else from the environment, else from the stack file, else null. */
  String get(String name) {
    String value = options.getProperty(name);
    if (value == null) {
      value = System.getenv(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
    return value == null ? stack.getProperty(name) : value;
  }
}
