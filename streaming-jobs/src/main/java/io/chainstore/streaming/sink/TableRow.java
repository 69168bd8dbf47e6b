package io.chainstore.streaming.sink;

import java.io.Serializable;
import java.util.List;

/**
 * A row for a table given by name: its key (within a batch only the newest row of a key is sent)
 * and its values in the table's column order, without {@code updated_at} (the sink adds it).
 */
public record TableRow(String table, String id, List<Object> values) implements Serializable {}
