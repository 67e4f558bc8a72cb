package io.fanshelf.api.console;

import java.util.List;
import tools.jackson.databind.ObjectMapper;

/**
 * A chart of the console, drawn in the browser by Chart.js (served from the app's own webjar, see
 * {@code console-charts.js}): the page carries this description as JSON in the canvas's {@code
 * data-chart} attribute, as the Content-Security-Policy allows no inline script.
 *
 * @param horizontal bars along the x axis (the funnel's stages) instead of up from it
 * @param labels one per category (day, stage), in order
 * @param series the bars, one colour each
 * @param decimals digits after the point of values and ticks (0 for counts, 2 for money)
 */
record ConsoleChart(boolean horizontal, List<String> labels, List<Series> series, int decimals) {
  /** One named series of values, one per label. */
  record Series(String label, List<? extends Number> values, String color) {}

  static final String RED = "#b8322b";
  static final String BLUE = "#2a4a9b";
  static final String GREEN = "#2e7d4f";
  static final String AMBER = "#b7791f";

  String json(ObjectMapper mapper) {
    return mapper.writeValueAsString(this);
  }
}
