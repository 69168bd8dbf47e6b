package io.chainstore.ingestion;

import io.chainstore.ingestion.ConnectorConfig.PostgresTarget;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Debezium PostgreSQL connector run in-process, forwarding every change to Kafka. */
public final class CdcEngine implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CdcEngine.class);

  private final DebeziumEngine<ChangeEvent<String, String>> engine;
  private final KafkaForwarder forwarder;
  private final CdcMetrics metrics;
  private final ExecutorService executor;
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  private CdcEngine(Properties props, String bootstrapServers, CdcMetrics metrics) {
    this.metrics = metrics;
    this.forwarder = new KafkaForwarder(bootstrapServers, metrics);
    this.engine =
        DebeziumEngine.create(Json.class)
            .using(props)
            .using(
                new DebeziumEngine.ConnectorCallback() {
                  @Override
                  public void taskStarted() {
                    started.countDown();
                  }
                })
            .using(
                (success, message, error) -> {
                  if (!success) {
                    failure.set(error != null ? error : new IllegalStateException(message));
                    LOG.error("CDC engine stopped: {}", message, error);
                  }
                  started.countDown();
                  stopped.countDown();
                })
            .notifying(forwarder)
            .build();
    this.executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "cdc-engine");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts streaming and returns once the connector task runs. */
  public static CdcEngine start(
      PostgresTarget db, String bootstrapServers, Path offsetsFile, long heartbeatMillis) {
    return start(db, bootstrapServers, offsetsFile, heartbeatMillis, new CdcMetrics());
  }

  /** As {@link #start(PostgresTarget, String, Path, long)}, counting into {@code metrics}. */
  public static CdcEngine start(
      PostgresTarget db,
      String bootstrapServers,
      Path offsetsFile,
      long heartbeatMillis,
      CdcMetrics metrics) {
    CdcEngine cdc =
        new CdcEngine(
            ConnectorConfig.embedded(db, offsetsFile, heartbeatMillis), bootstrapServers, metrics);
    cdc.executor.execute(cdc.engine);
    try {
      if (!cdc.started.await(120, TimeUnit.SECONDS)) {
        throw new IllegalStateException("CDC engine did not start within 120 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (cdc.failure.get() != null) {
      throw new IllegalStateException("CDC engine failed to start", cdc.failure.get());
    }
    LOG.info("CDC streaming {} tables to Kafka at {}", CdcTopics.TABLES.size(), bootstrapServers);
    return cdc;
  }

  /** What this engine has forwarded (since it started, unless given its metrics). */
  public CdcMetrics metrics() {
    return metrics;
  }

  public boolean isRunning() {
    return stopped.getCount() > 0;
  }

  /** Blocks until the engine stops by itself (failure) or is closed. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  public Throwable failure() {
    return failure.get();
  }

  @Override
  public void close() {
    try {
      engine.close();
      stopped.await(60, TimeUnit.SECONDS);
    } catch (IOException e) {
      LOG.warn("closing the CDC engine failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      executor.shutdownNow();
      forwarder.close();
    }
  }
}
