package io.chainstore.batch.segment;

/** A segment that does not parse: the message names the position (1-based) and what was wrong. */
public class SegmentSyntaxException extends IllegalArgumentException {

  private final int position;

  SegmentSyntaxException(int position, String problem) {
    super("segment: at position " + position + ": " + problem);
    this.position = position;
  }

  /** The 1-based character position where the problem is. */
  public int position() {
    return position;
  }
}
