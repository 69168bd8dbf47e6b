package io.chainstore.warehouse;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A deliberately small ClickHouse client over the HTTP interface, the one protocol that behaves the
 * same on the 18.16 server we test with and on current releases.
 *
 * <p>Every statement carries its own {@code FORMAT} (18.16 ignores format headers) and responses
 * are requested uncompressed, because the Debian 18.16 build answers compressed requests with an
 * empty body.
 */
public final class ClickHouseClient {

  private final ClickHouseSettings settings;
  private final HttpClient http;

  public ClickHouseClient(ClickHouseSettings settings) {
    this.settings = settings;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  public ClickHouseSettings settings() {
    return settings;
  }

  /** Runs a statement that returns no rows (DDL, OPTIMIZE, ALTER, INSERT ... SELECT). */
  public void execute(String sql) {
    post(sql, "");
  }

  /** Runs a SELECT and returns its rows as column name to text value (null for NULL), in order. */
  public List<Map<String, String>> query(String select) {
    String body = post(null, select.strip() + "\nFORMAT TabSeparatedWithNames");
    List<Map<String, String>> rows = new ArrayList<>();
    String[] lines = body.split("\n", -1);
    if (lines.length == 0 || lines[0].isEmpty()) {
      return rows;
    }
    String[] names = splitTsv(lines[0]);
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        continue;
      }
      String[] values = splitTsv(lines[i]);
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < names.length; c++) {
        row.put(names[c], c < values.length ? values[c] : "");
      }
      rows.add(row);
    }
    return rows;
  }

  /**
   * Runs a SELECT and reads its rows as they arrive, one at a time: for results too big to hold (a
   * reconciliation of a chain's year). {@code querySettings} are ClickHouse settings of this query
   * alone (say {@code max_bytes_before_external_sort}, so a big ORDER BY spills to disk instead of
   * failing on the memory limit). With {@code max_execution_time} among them the first row is
   * awaited that long (plus the usual timeout), as a sorted result starts only once sorted. Close
   * it when done.
   */
  public RowStream stream(String select, Map<String, String> querySettings) {
    String sql = select.strip() + "\nFORMAT TabSeparatedWithNames";
    StringBuilder params = new StringBuilder();
    querySettings.forEach(
        (name, value) ->
            params
                .append('&')
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    String limit = querySettings.get("max_execution_time");
    Duration wait =
        limit == null ? settings.timeout() : settings.timeout().plusSeconds(Long.parseLong(limit));
    try {
      HttpResponse<java.io.InputStream> response =
          http.send(
              request(
                  null,
                  params.toString(),
                  wait,
                  HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8)),
              HttpResponse.BodyHandlers.ofInputStream());
      java.io.BufferedReader in =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(response.body(), StandardCharsets.UTF_8), 1 << 16);
      if (response.statusCode() != 200) {
        String error;
        try (in) {
          error = in.lines().collect(java.util.stream.Collectors.joining("\n"));
        }
        throw new ClickHouseException(
            "ClickHouse answered "
                + response.statusCode()
                + " to ["
                + abbreviate(select)
                + "]: "
                + error.strip());
      }
      return new RowStream(in);
    } catch (IOException e) {
      throw new ClickHouseException("ClickHouse at " + settings.url() + " unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClickHouseException("interrupted while talking to ClickHouse", e);
    }
  }

  /** The rows of a streamed SELECT: column name to text value (null for NULL), in order. */
  public static final class RowStream
      implements java.util.Iterator<Map<String, String>>, AutoCloseable {

    private final java.io.BufferedReader in;
    private final String[] names;
    private String next;

    private RowStream(java.io.BufferedReader in) throws IOException {
      this.in = in;
      String header = in.readLine();
      this.names = header == null || header.isEmpty() ? new String[0] : splitTsv(header);
      this.next = header == null ? null : readRow();
    }

    private String readRow() throws IOException {
      String line = in.readLine();
      while (line != null && line.isEmpty()) {
        line = in.readLine();
      }
      return line;
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public Map<String, String> next() {
      if (next == null) {
        throw new java.util.NoSuchElementException();
      }
      String[] values = splitTsv(next);
      if (values.length < names.length && next.startsWith("Code: ")) {
        // A query failing after its first rows were sent ends the body with the error.
        throw new ClickHouseException("ClickHouse failed while sending a result: " + next);
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < names.length; c++) {
        row.put(names[c], c < values.length ? values[c] : "");
      }
      try {
        next = readRow();
      } catch (IOException e) {
        throw new ClickHouseException("reading a result from ClickHouse failed: " + e, e);
      }
      return row;
    }

    @Override
    public void close() {
      try {
        in.close();
      } catch (IOException e) {
        // the connection is dropped either way
      }
    }
  }

  /** Returns the single value of a one-row, one-column SELECT. */
  public String queryValue(String select) {
    List<Map<String, String>> rows = query(select);
    if (rows.size() != 1 || rows.get(0).size() != 1) {
      throw new ClickHouseException("expected one value from: " + select + " but got " + rows);
    }
    return rows.get(0).values().iterator().next();
  }

  /** Inserts rows as TabSeparated; values are written as {@link TsvRows} writes them. */
  public void insert(String table, List<String> columns, List<? extends List<?>> rows) {
    TsvRows tsv = new TsvRows();
    for (List<?> row : rows) {
      row.forEach(tsv::add);
      tsv.endRow();
    }
    insert(table, columns, tsv);
  }

  /** Inserts the rows; {@code rows} may be cleared and reused once this returns. */
  public void insert(String table, List<String> columns, TsvRows rows) {
    if (rows.rows() == 0) {
      return;
    }
    String insert =
        "INSERT INTO " + table + " (" + String.join(", ", columns) + ") FORMAT TabSeparated";
    post(
        insert,
        HttpRequest.BodyPublishers.ofByteArray(rows.bytes(), 0, rows.size()),
        () -> "[" + abbreviate(insert) + "]");
  }

  /** True when the server answers its ping endpoint. */
  public boolean ping() {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(settings.url() + "/ping"))
              .timeout(Duration.ofSeconds(2))
              .GET()
              .build();
      return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private String post(String queryParam, String body) {
    return post(
        queryParam,
        HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8),
        () -> "[" + abbreviate(queryParam != null ? queryParam : body) + "]");
  }

  private String post(
      String queryParam, HttpRequest.BodyPublisher body, Supplier<String> statement) {
    try {
      HttpResponse<String> response =
          http.send(
              request(queryParam, body),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() != 200) {
        throw new ClickHouseException(
            "ClickHouse answered "
                + response.statusCode()
                + " to "
                + statement.get()
                + ": "
                + response.body().strip());
      }
      return response.body();
    } catch (IOException e) {
      throw new ClickHouseException("ClickHouse at " + settings.url() + " unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClickHouseException("interrupted while talking to ClickHouse", e);
    }
  }

  private HttpRequest request(String queryParam, HttpRequest.BodyPublisher body) {
    return request(queryParam, "", settings.timeout(), body);
  }

  private HttpRequest request(
      String queryParam, String extraParams, Duration timeout, HttpRequest.BodyPublisher body) {
    StringBuilder uri = new StringBuilder(settings.url()).append("/?database=");
    uri.append(URLEncoder.encode(settings.database(), StandardCharsets.UTF_8));
    uri.append("&enable_http_compression=").append(settings.compress() ? 1 : 0);
    if (queryParam != null) {
      uri.append("&query=").append(URLEncoder.encode(queryParam, StandardCharsets.UTF_8));
    }
    uri.append(extraParams);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(uri.toString())).timeout(timeout).POST(body);
    if (!settings.user().isEmpty()) {
      String credentials = settings.user() + ":" + settings.password();
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return request.build();
  }

  static String escape(String value) {
    return new TsvRows().add(value).toString();
  }

  static String[] splitTsv(String line) {
    String[] raw = line.split("\t", -1);
    for (int i = 0; i < raw.length; i++) {
      // \N alone is NULL in ClickHouse's text formats.
      raw[i] = "\\N".equals(raw[i]) ? null : unescape(raw[i]);
    }
    return raw;
  }

  static String unescape(String value) {
    if (value.indexOf('\\') < 0) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch == '\\' && i + 1 < value.length()) {
        char next = value.charAt(++i);
        switch (next) {
          case 't' -> out.append('\t');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case '0' -> out.append('\0');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          default -> out.append(next);
        }
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }

  private static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }

  /** Connection settings; serializable so Flink and Spark can ship them to their workers. */
  public record ClickHouseSettings(
      String url, String database, String user, String password, boolean compress, Duration timeout)
      implements Serializable {

    public ClickHouseSettings {
      url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
      user = user == null ? "" : user;
      password = password == null ? "" : password;
    }

    public static ClickHouseSettings of(String url, String database) {
      return new ClickHouseSettings(url, database, "", "", false, Duration.ofSeconds(60));
    }

    public ClickHouseSettings withDatabase(String other) {
      return new ClickHouseSettings(url, other, user, password, compress, timeout);
    }

    /** Reads CLICKHOUSE_URL, CLICKHOUSE_DATABASE, CLICKHOUSE_USER, CLICKHOUSE_PASSWORD. */
    public static ClickHouseSettings fromEnvironment(Map<String, String> env) {
      return fromOptions(name -> env.get(name.toUpperCase(Locale.ROOT).replace('-', '_')));
    }

    /**
     * From named options {@code clickhouse-url}, {@code -database}, {@code -user}, {@code
     * -password}, {@code -compress}; {@code option} returns null for an option not given.
     */
    public static ClickHouseSettings fromOptions(UnaryOperator<String> option) {
      return new ClickHouseSettings(
          orDefault(option.apply("clickhouse-url"), "http://127.0.0.1:8123"),
          orDefault(option.apply("clickhouse-database"), "chainstore"),
          orDefault(option.apply("clickhouse-user"), ""),
          orDefault(option.apply("clickhouse-password"), ""),
          Boolean.parseBoolean(orDefault(option.apply("clickhouse-compress"), "false")),
          Duration.ofSeconds(120));
    }

    private static String orDefault(String value, String defaultValue) {
      return value == null ? defaultValue : value;
    }
  }
}
