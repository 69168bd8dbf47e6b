package io.chainstore.demo.generate;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * What history {@code ./chainstore generate} writes: {@code members} members, {@code stores} stores
 * and a warehouse, {@code skus} SKUs, {@code days} days of trading that end with {@code endDate}
 * (UTC), about {@code orderLines} order lines, all drawn from {@code seed}: the same options give
 * the same rows.
 */
public record GenerateOptions(
    int members, int stores, int skus, int days, long orderLines, long seed, LocalDate endDate) {

  public GenerateOptions {
    require(members > 0, "--members must be positive");
    require(stores > 0 && stores <= 9_999, "--stores must be between 1 and 9999");
    require(skus >= 10, "--skus must be at least 10");
    require(days > 0 && days <= 3_660, "--days must be between 1 and 3660");
    require(orderLines > 0, "--order-lines must be positive");
  }

  /** The defaults: a mid-size chain's year; every option may override them. */
  public static GenerateOptions defaults() {
    return new GenerateOptions(
        100_000, 50, 2_000, 365, 2_000_000, 1, LocalDate.now(ZoneOffset.UTC).minusDays(1));
  }

  /**
   * Reads {@code --members --stores --skus --days --order-lines --seed --end-date}; returns the
   * options and leaves the rest of {@code args} to the caller (null entries where consumed).
   */
  public static GenerateOptions parse(String[] args) {
    GenerateOptions o = defaults();
    boolean linesGiven = false;
    int members = o.members;
    int stores = o.stores;
    int skus = o.skus;
    int days = o.days;
    long lines = o.orderLines;
    long seed = o.seed;
    LocalDate end = o.endDate;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (name == null) {
        continue;
      }
      String value = i + 1 < args.length ? args[i + 1] : null;
      boolean mine = true;
      switch (name) {
        case "--members" -> members = (int) number(name, value, Integer.MAX_VALUE);
        case "--stores" -> stores = (int) number(name, value, Integer.MAX_VALUE);
        case "--skus" -> skus = (int) number(name, value, Integer.MAX_VALUE);
        case "--days" -> days = (int) number(name, value, Integer.MAX_VALUE);
        case "--order-lines" -> {
          lines = number(name, value, Long.MAX_VALUE);
          linesGiven = true;
        }
        case "--seed" -> seed = number(name, value, Long.MAX_VALUE);
        case "--end-date" -> {
          try {
            end = LocalDate.parse(String.valueOf(value));
          } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--end-date must be a date like 2026-11-27");
          }
        }
        default -> mine = false;
      }
      if (mine) {
        args[i] = null;
        args[i + 1] = null;
        i++;
      }
    }
    // Twenty lines per member unless told otherwise: the shape of the 1M / 20M base.
    if (!linesGiven) {
      lines = 20L * members;
    }
    return new GenerateOptions(members, stores, skus, days, lines, seed, end);
  }

  private static long number(String name, String value, long max) {
    if (value == null) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    try {
      long n = Long.parseLong(value.replace("_", ""));
      if (n < 0 || n > max) {
        throw new IllegalArgumentException(name + " is out of range");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number");
    }
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
