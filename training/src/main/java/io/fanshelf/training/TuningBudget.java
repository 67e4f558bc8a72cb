package io.fanshelf.training;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * How much each tuning search may try: at most {@code settings} fits (each collaborative
 * algorithm's search, and the ranker's), and at most {@code time} of wall time as a safety bound.
 * The count is what makes a report the same on any machine; the time only stops a search on a
 * machine too slow or too loaded for the count, and a search it stops says so ({@link Stop#TIME}).
 *
 * @param settings the most settings one search fits, at least 1; {@link #WHOLE_GRID} for all
 * @param time the most wall time one search spends; the first setting is always fitted
 */
public record TuningBudget(int settings, Duration time) {
  /** No limit on the count: every setting of a search's grid. */
  public static final int WHOLE_GRID = Integer.MAX_VALUE;

  public TuningBudget {
    if (settings < 1) {
      throw new IllegalArgumentException("tuning settings must be at least 1, got " + settings);
    }
    Objects.requireNonNull(time, "time");
    if (time.isNegative() || time.isZero()) {
      throw new IllegalArgumentException("tuning time must be positive, got " + time);
    }
  }

  /** Every setting of each grid, each search bounded by {@code time}. */
  public static TuningBudget wholeGrid(Duration time) {
    return new TuningBudget(WHOLE_GRID, time);
  }

  @Override
  public String toString() {
    return (settings == WHOLE_GRID ? "every setting" : "at most " + settings + " settings")
        + " and "
        + time.toSeconds()
        + " s per search";
  }

  /** Why a search ended. */
  public enum Stop {
    /** Every setting of its grid was fitted. */
    GRID,
    /** It fitted as many settings as the budget allows. */
    SETTINGS,
    /** The wall-time bound was reached first: on another machine the search may try more. */
    TIME;

    /** The report's word for it, e.g. {@code time}. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One search's spending, from now. */
  public Spending start() {
    return start(System::nanoTime);
  }

  /** The same on another clock of nanoseconds (tests). */
  Spending start(LongSupplier nanoClock) {
    return new Spending(nanoClock);
  }

  /** What one search has spent; not thread-safe. */
  public final class Spending {
    private final LongSupplier clock;
    private final long deadline;
    private int fitted;
    private Stop stop = Stop.GRID;

    private Spending(LongSupplier clock) {
      this.clock = clock;
      this.deadline = clock.getAsLong() + time.toNanos();
    }

    /**
     * Whether the search may fit one more setting; counts it when it may. A refusal is final and
     * gives the reason {@link #stop()} reports.
     */
    public boolean tryOne() {
      if (stop != Stop.GRID) {
        return false;
      }
      if (fitted >= settings) {
        stop = Stop.SETTINGS;
        return false;
      }
      if (fitted > 0 && clock.getAsLong() > deadline) {
        stop = Stop.TIME;
        return false;
      }
      fitted++;
      return true;
    }

    /** How many settings were fitted. */
    public int fitted() {
      return fitted;
    }

    /** Why the search ended: {@link Stop#GRID} unless the budget refused a setting. */
    public Stop stop() {
      return stop;
    }
  }
}
