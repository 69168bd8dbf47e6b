package io.chainstore.warehouse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rows in ClickHouse's TabSeparated format, written straight into one growing byte array that is
 * reused batch after batch: a sink sends thousands of rows a second, and building them as text
 * first cost a copy of every batch and, for large ones, collections of huge arrays.
 *
 * <p>Numbers are written as they are, other values as {@link String#valueOf} escaped (backslash,
 * tab, newline, carriage return) and in UTF-8; null is {@code \N}.
 */
public final class TsvRows {

  private byte[] bytes = new byte[8192];
  private int size;
  private int rows;
  private boolean inRow;

  /** Appends the next value of the current row. */
  public TsvRows add(Object value) {
    if (inRow) {
      put((byte) '\t');
    }
    inRow = true;
    if (value == null) {
      put((byte) '\\');
      put((byte) 'N');
    } else if (value instanceof Long || value instanceof Integer) {
      putLong(((Number) value).longValue());
    } else {
      putText(String.valueOf(value));
    }
    return this;
  }

  /** Ends the current row. */
  public TsvRows endRow() {
    put((byte) '\n');
    inRow = false;
    rows++;
    return this;
  }

  public int rows() {
    return rows;
  }

  /** Empties the rows and keeps the capacity for the next batch. */
  public void clear() {
    size = 0;
    rows = 0;
    inRow = false;
  }

  byte[] bytes() {
    return bytes;
  }

  int size() {
    return size;
  }

  @Override
  public String toString() {
    return new String(bytes, 0, size, StandardCharsets.UTF_8);
  }

  private void putLong(long value) {
    if (value == Long.MIN_VALUE) {
      putText(Long.toString(value));
      return;
    }
    if (value < 0) {
      put((byte) '-');
      value = -value;
    }
    int digits = 1;
    for (long rest = value / 10; rest > 0; rest /= 10) {
      digits++;
    }
    ensure(digits);
    for (int i = size + digits - 1; i >= size; i--) {
      bytes[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    size += digits;
  }

  private void putText(String text) {
    int length = text.length();
    ensure(length);
    for (int i = 0; i < length; i++) {
      char ch = text.charAt(i);
      switch (ch) {
        case '\\' -> putEscaped('\\');
        case '\t' -> putEscaped('t');
        case '\n' -> putEscaped('n');
        case '\r' -> putEscaped('r');
        default -> {
          if (ch < 0x80) {
            put((byte) ch);
          } else {
            i = putUtf8(text, i);
          }
        }
      }
    }
  }

  private void putEscaped(char ch) {
    put((byte) '\\');
    put((byte) ch);
  }

  /** Writes the code point at {@code i} in UTF-8; returns the index of its last char. */
  private int putUtf8(String text, int i) {
    int codePoint = text.codePointAt(i);
    ensure(4);
    if (codePoint < 0x800) {
      bytes[size++] = (byte) (0xC0 | codePoint >> 6);
    } else if (codePoint < 0x10000) {
      if (Character.isSurrogate((char) codePoint)) {
        codePoint = '?'; // a lone surrogate has no UTF-8 form; String.getBytes writes '?' too
        bytes[size++] = (byte) codePoint;
        return i;
      }
      bytes[size++] = (byte) (0xE0 | codePoint >> 12);
      bytes[size++] = (byte) (0x80 | (codePoint >> 6 & 0x3F));
    } else {
      bytes[size++] = (byte) (0xF0 | codePoint >> 18);
      bytes[size++] = (byte) (0x80 | (codePoint >> 12 & 0x3F));
      bytes[size++] = (byte) (0x80 | (codePoint >> 6 & 0x3F));
    }
    bytes[size++] = (byte) (0x80 | (codePoint & 0x3F));
    return i + Character.charCount(codePoint) - 1;
  }

  private void put(byte b) {
    ensure(1);
    bytes[size++] = b;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
