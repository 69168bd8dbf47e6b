package io.chainstore.streaming;

/** The CDC topics the streaming jobs read, as the ingestion connector names them. */
public final class SourceTopics {

  public static final String ORDERS = "chainstore.public.orders";

  private SourceTopics() {}
}
