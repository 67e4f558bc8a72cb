package io.fanshelf.api.redis;

import io.fanshelf.api.model.ModelsChanged;
import io.fanshelf.training.registry.ModelRegistry;
import io.fanshelf.training.registry.ModelWatch;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/**
 * Model publication across nodes. When an admin publishes or rolls back on one node, or its
 * background training validates a ranking, that node copies the artifacts of its published stack
 * and its validated ranking to the hash {@code <prefix>models:artifacts} (id → artifact bytes) and
 * writes them to {@code <prefix>models:published} (the stack's ids one per line, last = current,
 * then {@code validated <id>}). Every node checks that key every {@code poll} (thread {@code
 * fanshelf-model-follow}) and, when it differs from its own registry, installs the missing
 * artifacts (checked as any artifact: format, checksum, consistency), replaces its published stack
 * and validated ranking and switches. An announcement that fails because Redis is unreachable is
 * retried until it goes through.
 *
 * <p>A publish with the training CLI writes only that node's data directory; publish through the
 * API ({@code POST /api/v1/admin/models/{id}/publish}) for every node. Thread-safe.
 */
public final class ModelBroadcast implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(ModelBroadcast.class);

  private final RedisLink redis;
  private final ModelRegistry registry;
  private final ModelWatch watch;
  private final ScheduledExecutorService follower;
  private String lastSeen;
  private boolean announcePending;

  /** Marks the validated ranking's line in the announced state. */
  private static final String VALIDATED = "validated ";

  public ModelBroadcast(RedisLink redis, ModelRegistry registry, ModelWatch watch, Duration poll) {
    this.redis = redis;
    this.registry = registry;
    this.watch = watch;
    this.follower =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "fanshelf-model-follow");
              thread.setDaemon(true);
              return thread;
            });
    long every = poll.toMillis();
    follower.scheduleWithFixedDelay(this::followQuietly, every, every, TimeUnit.MILLISECONDS);
  }

  /** This node's admin changed the published stack: tell the others. */
  @EventListener
  public synchronized void onModelsChanged(ModelsChanged changed) {
    announcePending = true;
    announce();
  }

  private synchronized void announce() {
    try {
      List<String> stack = registry.published();
      Optional<String> validated = registry.validated();
      List<String> artifacts = new java.util.ArrayList<>(stack);
      validated.ifPresent(artifacts::add);
      for (String id : artifacts) {
        byte[] artifact = registry.artifactBytes(id);
        boolean copied =
            redis.callBinary(commands -> commands.hsetnx(artifactsKey(), id, artifact)).isPresent();
        if (!copied) {
          return; // Redis unreachable: retried by the follower
        }
      }
      String value = state(stack, validated);
      if (redis.call(commands -> commands.set(publishedKey(), value)).isPresent()) {
        lastSeen = value;
        announcePending = false;
        LOG.info("announced published models {} and validated {} to every node", stack, validated);
      }
    } catch (IOException e) {
      LOG.warn("could not announce the published models: {}", e.getMessage());
    }
  }

  /** Switches this node to the stack another node announced, if it differs. */
  synchronized void follow() throws IOException {
    if (announcePending) {
      announce();
      return;
    }
    Optional<String> announced = redis.call(commands -> commands.get(publishedKey()));
    if (announced.isEmpty() || announced.get().equals(lastSeen)) {
      return;
    }
    String value = announced.get();
    List<String> lines =
        value.isEmpty() ? List.of() : Arrays.stream(value.split("\n")).map(String::strip).toList();
    Optional<String> validated =
        lines.stream()
            .filter(l -> l.startsWith(VALIDATED))
            .map(l -> l.substring(VALIDATED.length()))
            .findFirst();
    List<String> stack = lines.stream().filter(l -> !l.startsWith(VALIDATED)).toList();
    List<String> needed = new java.util.ArrayList<>(stack);
    validated.ifPresent(needed::add);
    if (!stack.equals(registry.published()) || !validated.equals(registry.validated())) {
      for (String id : needed) {
        if (!registry.contains(id)) {
          Optional<byte[]> artifact =
              redis.callBinary(commands -> commands.hget(artifactsKey(), id));
          if (artifact.isEmpty()) {
            LOG.warn("model {} is published but its artifact is not in Redis (yet)", id);
            return;
          }
          registry.install(id, artifact.get());
        }
      }
      registry.replacePublished(stack);
      if (validated.isPresent() && !validated.equals(registry.validated())) {
        registry.validate(validated.get());
      }
      watch.refresh();
      LOG.info(
          "switched to the published models {} and validated {} announced by another node",
          stack,
          validated);
    }
    lastSeen = value;
  }

  private void followQuietly() {
    try {
      follow();
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not follow the published models: {}", e.getMessage());
    }
  }

  /** The announced state: the published stack, one id a line, then the validated id if any. */
  private static String state(List<String> stack, Optional<String> validated) {
    List<String> lines = new java.util.ArrayList<>(stack);
    validated.ifPresent(id -> lines.add(VALIDATED + id));
    return String.join("\n", lines);
  }

  private String publishedKey() {
    return redis.key("models:published");
  }

  private String artifactsKey() {
    return redis.key("models:artifacts");
  }

  @Override
  public void close() {
    follower.shutdownNow();
  }
}
