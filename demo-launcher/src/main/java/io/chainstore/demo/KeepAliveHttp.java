package io.chainstore.demo;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 keep-alive connection that POSTs JSON and reads the status and body, nothing more. A
 * load generator has to cost far less CPU than the service it measures, as pgbench does; the JDK's
 * HttpClient costs about half a core at a few hundred requests per second.
 */
final class KeepAliveHttp implements AutoCloseable {

  record Reply(int status, String body) {}

  private final String host;
  private final int port;
  private final String headers;
  private Socket socket;
  private OutputStream out;
  private InputStream in;

  KeepAliveHttp(String baseUrl) {
    URI uri = URI.create(baseUrl);
    this.host = uri.getHost();
    this.port = uri.getPort();
    this.headers = "Host: %s:%d\r\nContent-Type: application/json\r\n".formatted(host, port);
  }

  Reply post(String path, String apiKey, String json) throws IOException {
    return post(path, apiKey, null, json);
  }

  /** POSTs with an {@code Idempotency-Key} header unless {@code idempotencyKey} is null. */
  Reply post(String path, String apiKey, String idempotencyKey, String json) throws IOException {
    if (socket == null) {
      socket = new Socket(host, port);
      socket.setTcpNoDelay(true);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\n"
            + headers
            + "Authorization: Bearer "
            + apiKey
            + (idempotencyKey == null ? "" : "\r\nIdempotency-Key: " + idempotencyKey)
            + "\r\nContent-Length: "
            + body.length
            + "\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
    return read();
  }

  private Reply read() throws IOException {
    String statusLine = line();
    int status = Integer.parseInt(statusLine.substring(9, 12));
    int length = -1;
    boolean chunked = false;
    boolean close = false;
    for (String header; !(header = line()).isEmpty(); ) {
      String h = header.toLowerCase(Locale.ROOT);
      if (h.startsWith("content-length:")) {
        length = Integer.parseInt(h.substring(15).strip());
      } else if (h.startsWith("transfer-encoding:") && h.contains("chunked")) {
        chunked = true;
      } else if (h.startsWith("connection:") && h.contains("close")) {
        close = true;
      }
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (chunked) {
      for (int size; (size = Integer.parseInt(line().split(";")[0].strip(), 16)) > 0; ) {
        body.write(in.readNBytes(size));
        line();
      }
      while (!line().isEmpty()) {
        // trailers
      }
    } else if (length > 0) {
      body.write(in.readNBytes(length));
    }
    if (close) {
      close();
    }
    return new Reply(status, body.toString(StandardCharsets.UTF_8));
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c; (c = in.read()) != '\n'; ) {
      if (c < 0) {
        throw new EOFException("connection closed mid-response");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    if (socket != null) {
      socket.close();
      socket = null;
    }
  }
}
