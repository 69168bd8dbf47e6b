package io.chainstore.demo;

import java.io.PrintStream;

/** Progress lines with the seconds since the run started. */
public final class Progress {

  private final PrintStream out;
  private final long startNanos = System.nanoTime();

  public Progress(PrintStream out) {
    this.out = out;
  }

  public double elapsedSeconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  public synchronized void step(String message) {
    out.printf("[%6.1fs] %s%n", elapsedSeconds(), message);
    out.flush();
  }
}
