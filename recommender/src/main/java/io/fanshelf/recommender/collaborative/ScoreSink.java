package io.fanshelf.recommender.collaborative;

/** Receives a model's score contributions by the model's product row; not thread-safe. */
@FunctionalInterface
public interface ScoreSink {
  void add(int row, double score);
}
