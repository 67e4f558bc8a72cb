package io.fanshelf.training.outreach;

import io.fanshelf.indexer.model.Fan;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A score per fan of an owner at a day: higher means likelier to buy in the window of days that
 * starts on it. History-only estimators read nothing on or after the day; oracles read the whole
 * data set, the future included, and are bounds no served list can reach. Weeks are windows of
 * {@code window} days aligned on the day (the window after it is week 0). A fan is observed from
 * the later of the day they joined the owner and the first day of the data set. Stateless and
 * thread-safe.
 */
public sealed interface FanEstimator {
  /** A short name for tables, e.g. {@code weeks-26}. */
  String name();

  /** Whether the estimator reads the future (an unattainable bound). */
  boolean oracle();

  /** One line on what it scores. */
  String describe();

  /**
   * The score of each fan, in the order of {@code fans}.
   *
   * @param day the day the list is drawn for (UTC day number)
   * @param window the days counted after it (a "week")
   */
  double[] score(List<Fan> fans, long day, int window, Purchases purchases);

  /** The estimators the ceiling measures, oracles first. */
  static List<FanEstimator> ceiling() {
    return List.of(
        new OracleWeeks(true),
        new OracleWeeks(false),
        new OracleWeeks(false, true, 0),
        new OracleWeeks(false, false, 13),
        new WeekShare(8),
        new WeekShare(26),
        new WeekShare(52),
        new GammaPoisson(26),
        new GammaPoisson(52),
        new RhythmDue(52));
  }

  /** The first day the fan is observed on. */
  private static long start(Fan fan, Purchases purchases) {
    return Math.max(purchases.firstDay(), Purchases.day(fan.joinedAt()));
  }

  /**
   * Oracle: the share of the fan's weeks with a purchase over the whole data set (from the first
   * week they are observed in to the last week of the data), future included. Modes: {@code
   * withTarget} keeps the measured week (week 0, which holds the label); otherwise it is left out
   * and the share is the fan's stationary weekly rate from every other week. {@code alternate}
   * counts only every other week (odd-numbered ones): half the data, to tell how much the other
   * weeks' estimate still loses to noise. {@code span} above 0 counts only the weeks within that
   * many of week 0 (a rate that drifts through the year).
   */
  record OracleWeeks(boolean withTarget, boolean alternate, int span) implements FanEstimator {
    public OracleWeeks {
      if (span < 0 || (withTarget && (alternate || span > 0))) {
        throw new IllegalArgumentException(
            "expected a span >= 0 and the measured week kept only over every week, got span "
                + span);
      }
    }

    /** The week shares over the whole data, the measured week included or left out. */
    OracleWeeks(boolean withTarget) {
      this(withTarget, false, 0);
    }

    @Override
    public String name() {
      if (withTarget) {
        return "oracle-all-weeks";
      }
      return alternate
          ? "oracle-alternate-weeks"
          : span > 0 ? "oracle-near-" + span : "oracle-other-weeks";
    }

    @Override
    public boolean oracle() {
      return true;
    }

    @Override
    public String describe() {
      if (withTarget) {
        return "share of the fan's weeks with a purchase over the whole data, the measured week"
            + " included";
      }
      return "share of the fan's "
          + (alternate ? "odd-numbered weeks" : span > 0 ? span + " weeks either side" : "weeks")
          + " with a purchase over the whole data, the measured week left out";
    }

    @Override
    public double[] score(List<Fan> fans, long day, int window, Purchases purchases) {
      double[] scores = new double[fans.size()];
      long dataEnd = Math.floorDiv(purchases.lastDay() - day, window);
      for (int i = 0; i < fans.size(); i++) {
        long first = Math.floorDiv(start(fans.get(i), purchases) - day, window);
        long last = dataEnd;
        if (span > 0) {
          first = Math.max(first, -span);
          last = Math.min(last, span);
        }
        Set<Long> weeks = new HashSet<>();
        for (long d : purchases.all(fans.get(i).id())) {
          long week = Math.floorDiv(d - day, window);
          if (week >= first && week <= last && counted(week)) {
            weeks.add(week);
          }
        }
        long count = 0;
        for (long week = first; week <= last; week++) {
          count += counted(week) ? 1 : 0;
        }
        scores[i] = count > 0 ? (double) weeks.size() / count : 0;
      }
      return scores;
    }

    private boolean counted(long week) {
      return (withTarget || week != 0) && (!alternate || Math.floorMod(week, 2) == 1);
    }
  }

  /**
   * The share of the fan's last {@code weeks} weeks (fewer when observed for less) with a purchase,
   * shrunk to the owner's mean by a beta prior whose strength is fitted to the spread of the
   * owner's shares (beta-binomial moments): {@code (k + s m) / (n + s)}.
   */
  record WeekShare(int weeks) implements FanEstimator {
    public WeekShare {
      if (weeks < 1) {
        throw new IllegalArgumentException("weeks must be at least 1, got " + weeks);
      }
    }

    @Override
    public String name() {
      return "weeks-" + weeks;
    }

    @Override
    public boolean oracle() {
      return false;
    }

    @Override
    public String describe() {
      return "share of the last " + weeks + " weeks with a purchase, shrunk to the owner's mean";
    }

    @Override
    public double[] score(List<Fan> fans, long day, int window, Purchases purchases) {
      int size = fans.size();
      double[] bought = new double[size];
      double[] observed = new double[size];
      for (int i = 0; i < size; i++) {
        Fan fan = fans.get(i);
        long n = Math.min(weeks, Math.max(0, Math.floorDiv(day - start(fan, purchases), window)));
        Set<Long> seen = new HashSet<>();
        for (long d : purchases.before(fan.id(), day)) {
          long week = Math.floorDiv(d - day, window);
          if (week >= -n) {
            seen.add(week);
          }
        }
        bought[i] = seen.size();
        observed[i] = n;
      }
      return BetaPrior.fit(bought, observed).posteriorMeans(bought, observed);
    }
  }

  /**
   * The chance of at least one purchase day in the window under a gamma-Poisson model: the fan's
   * purchase days in their last {@code weeks} weeks over the days observed, with a gamma prior on
   * the daily rate fitted to the owner's fans by moments; the chance is one minus the negative
   * binomial's zero: {@code 1 - ((b + T) / (b + T + window))^(a + k)}.
   */
  record GammaPoisson(int weeks) implements FanEstimator {
    public GammaPoisson {
      if (weeks < 1) {
        throw new IllegalArgumentException("weeks must be at least 1, got " + weeks);
      }
    }

    @Override
    public String name() {
      return "gamma-poisson-" + weeks;
    }

    @Override
    public boolean oracle() {
      return false;
    }

    @Override
    public String describe() {
      return "chance of a purchase day in the window, purchase days of the last "
          + weeks
          + " weeks under a gamma prior fitted to the owner's fans";
    }

    @Override
    public double[] score(List<Fan> fans, long day, int window, Purchases purchases) {
      int size = fans.size();
      double[] count = new double[size];
      double[] exposure = new double[size];
      for (int i = 0; i < size; i++) {
        Fan fan = fans.get(i);
        long from = Math.max(start(fan, purchases), day - (long) weeks * window);
        exposure[i] = Math.max(0, day - from);
        for (long d : purchases.before(fan.id(), day)) {
          if (d >= from) {
            count[i]++;
          }
        }
      }
      return GammaPrior.fit(count, exposure).chances(count, exposure, window);
    }
  }

  /**
   * A rhythm-due hazard: of the fan's own gaps between purchase days (in their last {@code weeks}
   * weeks) at least as long as the current gap, the share that ended within the window after it;
   * shrunk to the fan's gamma-Poisson chance with the weight of one gap: {@code (e + p) / (r + 1)}.
   * A fan with fewer than two purchase days gets the gamma-Poisson chance.
   */
  record RhythmDue(int weeks) implements FanEstimator {
    public RhythmDue {
      if (weeks < 1) {
        throw new IllegalArgumentException("weeks must be at least 1, got " + weeks);
      }
    }

    @Override
    public String name() {
      return "rhythm-due-" + weeks;
    }

    @Override
    public boolean oracle() {
      return false;
    }

    @Override
    public String describe() {
      return "share of the fan's own gaps as long as the current one that ended within the window,"
          + " shrunk to gamma-poisson-"
          + weeks;
    }

    @Override
    public double[] score(List<Fan> fans, long day, int window, Purchases purchases) {
      double[] prior = new GammaPoisson(weeks).score(fans, day, window, purchases);
      double[] scores = new double[fans.size()];
      for (int i = 0; i < fans.size(); i++) {
        Fan fan = fans.get(i);
        long from = Math.max(start(fan, purchases), day - (long) weeks * window);
        long[] days = purchases.before(fan.id(), day);
        long gap = days.length == 0 ? 0 : day - days[days.length - 1];
        int ended = 0;
        int atRisk = 0;
        for (int j = 1; j < days.length; j++) {
          if (days[j - 1] < from) {
            continue;
          }
          long interval = days[j] - days[j - 1];
          if (interval >= gap) {
            atRisk++;
            if (interval < gap + window) {
              ended++;
            }
          }
        }
        scores[i] = (ended + prior[i]) / (atRisk + 1.0);
      }
      return scores;
    }
  }
}
