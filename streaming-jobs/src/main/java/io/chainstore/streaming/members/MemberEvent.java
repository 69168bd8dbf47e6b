package io.chainstore.streaming.members;

import java.io.Serializable;

/** A change of a member row with the LSN it was written at. */
public record MemberEvent(MemberRow member, long lsn, boolean deleted) implements Serializable {}
