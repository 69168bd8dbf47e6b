package io.chainstore.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashSet;
import java.util.Set;

/** Ports free at the time of asking, for servers that the local stack and the tests start. */
public final class FreePorts {

  private FreePorts() {}

  public static int one() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  /** Distinct ports: once closed, the OS may hand out the same port again at once. */
  public static int[] distinct(int count) {
    Set<Integer> ports = new LinkedHashSet<>();
    while (ports.size() < count) {
      ports.add(one());
    }
    return ports.stream().mapToInt(Integer::intValue).toArray();
  }
}
