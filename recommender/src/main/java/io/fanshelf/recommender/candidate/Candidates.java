package io.fanshelf.recommender.candidate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The candidates of one request: product ordinals, each with the score every source gave it (0 when
 * a source did not propose it). Not thread-safe; one per request.
 */
public final class Candidates {
  private final int sourceCount;
  private final Map<Integer, Candidate> byOrdinal = new HashMap<>();
  private final List<Candidate> inOrder = new ArrayList<>();

  /** One candidate product and its per-source scores. */
  public static final class Candidate {
    private final int ordinal;
    private final float[] sourceScores;

    Candidate(int ordinal, int sourceCount) {
      this.ordinal = ordinal;
      this.sourceScores = new float[sourceCount];
    }

    public int ordinal() {
      return ordinal;
    }

    /** The score source {@code index} gave, 0 when it did not propose the product. */
    public float sourceScore(int index) {
      return sourceScores[index];
    }

    public boolean from(int index) {
      return sourceScores[index] > 0;
    }
  }

  /** Where one source adds its proposals. */
  public interface Sink {
    /**
     * Proposes a product; a score <= 0 is raised to a small positive one (it was proposed), one
     * beyond a float's range lowered to the largest float (a decayed popularity read long before
     * the aggregates' landmark is that large), so that a score feature is always finite.
     */
    void add(int ordinal, float score);
  }

  public Candidates(int sourceCount) {
    this.sourceCount = sourceCount;
  }

  /** Adds a product no source proposed (an owner's pin), with every source score 0. */
  public void ensure(int ordinal) {
    byOrdinal.computeIfAbsent(
        ordinal,
        o -> {
          Candidate candidate = new Candidate(o, sourceCount);
          inOrder.add(candidate);
          return candidate;
        });
  }

  public Sink sink(int sourceIndex) {
    return (ordinal, score) -> {
      Candidate candidate = byOrdinal.get(ordinal);
      if (candidate == null) {
        candidate = new Candidate(ordinal, sourceCount);
        byOrdinal.put(ordinal, candidate);
        inOrder.add(candidate);
      }
      float positive = Math.min(Math.max(score, 1e-6f), Float.MAX_VALUE);
      candidate.sourceScores[sourceIndex] = Math.max(candidate.sourceScores[sourceIndex], positive);
    };
  }

  public int size() {
    return inOrder.size();
  }

  public boolean contains(int ordinal) {
    return byOrdinal.containsKey(ordinal);
  }

  /** Candidates in the order first proposed. */
  public List<Candidate> all() {
    return inOrder;
  }
}
