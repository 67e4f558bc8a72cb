package io.fanshelf.recommender.candidate;

import java.util.ArrayList;
import java.util.List;

/**
 * The candidates of one request: product ordinals, each with the score every source gave it (0 when
 * a source did not propose it). Not thread-safe; one per request.
 */
public final class Candidates {
  private final int sourceCount;
  private final List<Candidate> inOrder = new ArrayList<>();
  // ordinal -> place in inOrder, open addressing with linear probing, grown at half full: a
  // request proposes a thousand or more products, each a boxed key and a node in a hash map
  private int[] slotOrdinals = new int[2048];
  private int[] slotPlaces = new int[2048];

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
    if (ordinal < 0) {
      throw new IllegalArgumentException("ordinal must be >= 0, got " + ordinal);
    }
    int slot = slotOf(ordinal);
    if (slotOrdinals[slot] != 0) {
      return inOrder.get(slotPlaces[slot]);
    }
    if ((inOrder.size() + 1) * 2 > slotOrdinals.length) {
      grow();
      slot = slotOf(ordinal);
    }
    Candidate candidate = new Candidate(ordinal, sourceCount);
    slotOrdinals[slot] = ordinal + 1;
    slotPlaces[slot] = inOrder.size();
    inOrder.add(candidate);
    return candidate;
  }

  // ordinals are stored plus one so that 0 marks an empty slot
  private int slotOf(int ordinal) {
    int mask = slotOrdinals.length - 1;
    int h = ordinal * 0x9E3779B9;
    int slot = (h ^ (h >>> 16)) & mask;
    while (slotOrdinals[slot] != 0 && slotOrdinals[slot] != ordinal + 1) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    slotOrdinals = new int[slotOrdinals.length * 2];
    slotPlaces = new int[slotOrdinals.length];
    for (int place = 0; place < inOrder.size(); place++) {
      int slot = slotOf(inOrder.get(place).ordinal);
      slotOrdinals[slot] = inOrder.get(place).ordinal + 1;
      slotPlaces[slot] = place;
    }
  }

  public int size() {
    return inOrder.size();
  }

  public boolean contains(int ordinal) {
    return ordinal >= 0 && slotOrdinals[slotOf(ordinal)] != 0;
  }

  /** Candidates in the order first proposed. */
  public List<Candidate> all() {
    return inOrder;
  }
}
