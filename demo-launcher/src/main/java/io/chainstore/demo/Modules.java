package io.chainstore.demo;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Where the built modules are: each runnable module writes {@code target/runtime-classpath.txt}
 * when packaged, and the launcher starts it from its classes plus that classpath.
 */
final class Modules {

  private final Path home;

  Modules(Path home) {
    this.home = home.toAbsolutePath().normalize();
  }

  static Modules fromSystemProperty() {
    return new Modules(Path.of(System.getProperty("chainstore.home", ".")));
  }

  Path home() {
    return home;
  }

  String classpath(String module) {
    Path target = home.resolve(module).resolve("target");
    Path file = target.resolve("runtime-classpath.txt");
    if (!Files.exists(file)) {
      throw new IllegalStateException(
          module + " is not built (" + file + " is missing): run mvn -DskipTests package");
    }
    try {
      String classpath =
          target.resolve("classes") + File.pathSeparator + Files.readString(file).strip();
      // What spark-submit or a Flink cluster would provide.
      Path provided = target.resolve("provided-classpath.txt");
      if (Files.exists(provided) && !Files.readString(provided).isBlank()) {
        classpath += File.pathSeparator + Files.readString(provided).strip();
      }
      return classpath;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What a cluster provides to the module's jobs, as its {@code lib/} or {@code jars/} holds them:
   * the module's provided dependencies, and those of its runtime ones named in {@code
   * sharedWithEngine} (jars the engine needs too, which Maven counts as the module's own).
   */
  String engineClasspath(String module, String... sharedWithEngine) {
    Path target = home.resolve(module).resolve("target");
    Path file = target.resolve("provided-classpath.txt");
    if (!Files.exists(file)) {
      throw new IllegalStateException(
          module + " is not built (" + file + " is missing): run mvn -DskipTests package");
    }
    try {
      List<String> entries =
          new ArrayList<>(List.of(Files.readString(file).strip().split(File.pathSeparator)));
      for (String jar :
          Files.readString(target.resolve("runtime-classpath.txt"))
              .strip()
              .split(File.pathSeparator)) {
        String name = Path.of(jar).getFileName().toString();
        if (Arrays.stream(sharedWithEngine).anyMatch(name::startsWith)) {
          entries.add(jar);
        }
      }
      return String.join(File.pathSeparator, entries);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The jar {@code flink run} submits: the streaming jobs and what Flink does not provide. */
  Path flinkJobJar() {
    return builtJar("streaming-jobs", "-flink-job.jar");
  }

  /** The jar {@code spark-submit} submits: the batch jobs and what Spark does not provide. */
  Path batchJobsJar() {
    return builtJar("batch-jobs", "-all.jar");
  }

  private Path builtJar(String module, String suffix) {
    Path target = home.resolve(module).resolve("target");
    try (var files = Files.list(target)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(suffix))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      module + "'s *" + suffix + " is missing: run mvn -DskipTests package"));
    } catch (IOException e) {
      throw new UncheckedIOException(module + " is not built: run mvn -DskipTests package", e);
    }
  }

  /**
   * Where ingestion's build leaves the Kafka Connect plugin (a directory of plugin directories).
   */
  Path connectPluginPath() {
    Path plugins = home.resolve("ingestion/target/connect-plugin");
    if (!Files.isDirectory(plugins)) {
      throw new IllegalStateException(plugins + " is missing: run mvn -DskipTests package");
    }
    return plugins;
  }

  Path oltpServiceJar() {
    Path jar = home.resolve("oltp-service/target/oltp-service.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: run mvn -DskipTests package");
    }
    return jar;
  }

  /** JVM flags Spark needs on Java 17, as pinned in the parent POM. */
  static String sparkJvmFlags() {
    try (InputStream in =
        Modules.class.getClassLoader().getResourceAsStream("chainstore-build.properties")) {
      Properties props = new Properties();
      props.load(in);
      return props.getProperty("spark.jvm.flags");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
