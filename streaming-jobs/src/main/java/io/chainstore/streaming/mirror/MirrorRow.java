package io.chainstore.streaming.mirror;

import java.io.Serializable;
import java.util.List;

/** One row for a mirrored table: its key and its values (without updated_at). */
public record MirrorRow(String table, String id, List<Object> values) implements Serializable {}
