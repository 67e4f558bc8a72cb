package io.fanshelf.recommender.candidate;

import io.fanshelf.indexer.aggregate.IntDoubleMap;
import java.util.ArrayList;
import java.util.List;

/**
 * The candidates of one request: product ordinals, each with the score every source gave it (0 when
 * a source did not propose it). Not thread-safe; one per request.
 */
public final class Candidates {
  private final int sourceCount;
  private final List<Candidate> inOrder = new ArrayList<>();
  // ordinal -> place in inOrder plus one (0: not proposed yet), in a primitive map: a request
  // proposes a thousand or more products, each a boxed key and a node in a HashMap
  private final IntDoubleMap places = IntDoubleMap.forScores();

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
    candidate(ordinal);
  }

  public Sink sink(int sourceIndex) {
    return (ordinal, score) -> {
      Candidate candidate = candidate(ordinal);
      float positive = Math.min(Math.max(score, 1e-6f), Float.MAX_VALUE);
      candidate.sourceScores[sourceIndex] = Math.max(candidate.sourceScores[sourceIndex], positive);
    };
  }

  /** The candidate of {@code ordinal}, made (last in order) on its first proposal. */
  private Candidate candidate(int ordinal) {
    int place = (int) places.get(ordinal) - 1;
    if (place >= 0) {
      return inOrder.get(place);
    }
    Candidate candidate = new Candidate(ordinal, sourceCount);
    places.add(ordinal, inOrder.size() + 1);
    inOrder.add(candidate);
    return candidate;
  }

  public int size() {
    return inOrder.size();
  }

  public boolean contains(int ordinal) {
    return ordinal >= 0 && places.get(ordinal) > 0;
  }

  /** Candidates in the order first proposed. */
  public List<Candidate> all() {
    return inOrder;
  }
}
