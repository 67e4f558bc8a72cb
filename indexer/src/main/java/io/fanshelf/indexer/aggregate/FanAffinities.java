package io.fanshelf.indexer.aggregate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.IntFunction;

/**
 * Per fan: forward-decayed weight per category key and per brand, the decayed weighted moments of
 * the log price, and the count of positive events. Not thread-safe: {@link EventAggregates} guards
 * it.
 */
final class FanAffinities {
  private FanState[] fans = new FanState[64];
  private int count;

  /** One fan's sums; decayed sums are multiplied by g(t) of each event. */
  private static final class FanState {
    final IntDoubleMap categories;
    final IntDoubleMap brands;
    double weight;
    double priceWeight;
    // Log prices are summed relative to the fan's first one, so that equal prices give a spread
    // of exactly 0 instead of the rounding noise of E[x^2] - E[x]^2.
    double logShift = Double.NaN;
    double logPrice;
    double logPriceSquared;
    long events;

    FanState(IntDoubleMap categories, IntDoubleMap brands) {
      this.categories = categories;
      this.brands = brands;
    }
  }

  /**
   * Counts one positive event of {@code fan}; {@code decayedWeight} is already multiplied by g(t).
   * An event whose product is unknown passes no categories, brand -1 and price -1.
   */
  void add(int fan, int[] categories, int brand, long priceCents, double decayedWeight) {
    if (fan >= fans.length) {
      fans = Arrays.copyOf(fans, Math.max(fan + 1, fans.length * 2));
    }
    FanState state = fans[fan];
    if (state == null) {
      state = fans[fan] = new FanState(new IntDoubleMap(), new IntDoubleMap());
      count++;
    }
    state.events++;
    state.weight += decayedWeight;
    for (int category : categories) {
      state.categories.add(category, decayedWeight);
    }
    if (brand >= 0) {
      state.brands.add(brand, decayedWeight);
    }
    if (priceCents > 0) {
      if (Double.isNaN(state.logShift)) {
        state.logShift = Math.log(priceCents);
      }
      double log = Math.log(priceCents) - state.logShift;
      state.priceWeight += decayedWeight;
      state.logPrice += decayedWeight * log;
      state.logPriceSquared += decayedWeight * log * log;
    }
  }

  /** The fan's affinities with decayed sums multiplied by {@code factor} (1 / g(now)). */
  Optional<FanAffinity> get(
      int fan, double factor, IntFunction<String> categoryNames, IntFunction<String> brandNames) {
    FanState state = fan >= 0 && fan < fans.length ? fans[fan] : null;
    if (state == null) {
      return Optional.empty();
    }
    OptionalLong typical = OptionalLong.empty();
    double spread = 0;
    if (state.priceWeight > 0) {
      double mean = state.logPrice / state.priceWeight;
      double variance = state.logPriceSquared / state.priceWeight - mean * mean;
      typical = OptionalLong.of(Math.round(Math.exp(state.logShift + mean)));
      spread = Math.sqrt(Math.max(0, variance));
    }
    return Optional.of(
        new FanAffinity(
            named(state.categories, factor, categoryNames),
            named(state.brands, factor, brandNames),
            state.weight * factor,
            state.events,
            typical,
            spread));
  }

  private static Map<String, Double> named(
      IntDoubleMap weights, double factor, IntFunction<String> names) {
    List<Map.Entry<String, Double>> entries = new ArrayList<>(weights.size());
    weights.forEach((key, value) -> entries.add(Map.entry(names.apply(key), value * factor)));
    entries.sort(
        Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()));
    Map<String, Double> result = new LinkedHashMap<>();
    entries.forEach(entry -> result.put(entry.getKey(), entry.getValue()));
    return result;
  }

  int size() {
    return count;
  }

  /** Multiplies every decayed sum, when the landmark moves; the price moments are ratios. */
  void rescale(double factor) {
    for (FanState state : fans) {
      if (state != null) {
        state.categories.scale(factor);
        state.brands.scale(factor);
        state.weight *= factor;
        state.priceWeight *= factor;
        state.logPrice *= factor;
        state.logPriceSquared *= factor;
      }
    }
  }

  void write(SnapshotOutput out) throws IOException {
    out.writeInt(fans.length);
    for (FanState state : fans) {
      out.writeBoolean(state != null);
      if (state != null) {
        state.categories.write(out);
        state.brands.write(out);
        out.writeDouble(state.weight);
        out.writeDouble(state.priceWeight);
        out.writeDouble(state.logShift);
        out.writeDouble(state.logPrice);
        out.writeDouble(state.logPriceSquared);
        out.writeLong(state.events);
      }
    }
  }

  /** Fills this empty instance with what {@link #write} wrote. */
  void read(SnapshotInput in) throws IOException {
    fans = new FanState[Math.max(1, in.readCount(1))];
    count = 0;
    for (int i = 0; i < fans.length; i++) {
      if (in.readBoolean()) {
        FanState state = new FanState(IntDoubleMap.read(in), IntDoubleMap.read(in));
        state.weight = in.readDouble();
        state.priceWeight = in.readDouble();
        state.logShift = in.readDouble();
        state.logPrice = in.readDouble();
        state.logPriceSquared = in.readDouble();
        state.events = in.readLong();
        fans[i] = state;
        count++;
      }
    }
  }
}
