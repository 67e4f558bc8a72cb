package io.fanshelf.training.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the evaluation report as one self-contained HTML page: the headline; NDCG@10 of every
 * model in every slice side by side (one grouped SVG chart); each ranking's candidate recall; the
 * rankings compared for serving on the validation window; per slice a bar chart of NDCG@10 and
 * Recall@20 for every model (FanShelf highlighted); then the full tables. No scripts, no external
 * files. Stateless.
 */
public final class HtmlReport {
  private static final int BAR_HEIGHT = 18;
  private static final int LABEL_WIDTH = 170;
  private static final int CHART_WIDTH = 420;

  private HtmlReport() {}

  public static void write(EvaluationReport report, Path file) throws IOException {
    StringBuilder html = new StringBuilder();
    html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>FanShelf evaluation</title><style>")
        .append("body{font:14px system-ui,sans-serif;margin:2em;max-width:1100px;color:#222}")
        .append("h1{font-size:22px}h2{font-size:17px;margin-top:2em}")
        .append("table{border-collapse:collapse;margin:1em 0}td,th{padding:3px 8px;")
        .append("border-bottom:1px solid #ddd;text-align:right}th:first-child,td:first-child")
        .append("{text-align:left}.best{font-weight:bold}.note{color:#555}")
        .append(".charts{display:flex;flex-wrap:wrap;gap:2em}</style></head><body>");
    html.append("<h1>FanShelf evaluation</h1><p class=\"note\">Split ")
        .append(esc(String.valueOf(report.split().get("description"))))
        .append(" &middot; seed ")
        .append(report.seed())
        .append(" &middot; full-catalog ranking, no sampled negatives</p>");
    html.append("<ul>");
    report
        .summary()
        .forEach(
            (k, v) ->
                html.append("<li>")
                    .append(esc(k))
                    .append(": ")
                    .append(esc(format(v)))
                    .append("</li>"));
    html.append("</ul>");
    List<String> models = models(report);
    html.append("<h2>NDCG@10 by slice</h2>").append(grouped(report, models));
    html.append(candidateRecall(report));
    html.append(selection(report));
    for (Slice slice : Slice.values()) {
      String key = slice.key();
      Map<String, Double> any = report.models().get(models.getFirst()).get(key);
      if (any == null) {
        continue;
      }
      html.append("<h2>")
          .append(key)
          .append(" <span class=\"note\">(")
          .append(String.format(Locale.ROOT, "%,.0f", any.get("fans")))
          .append(" fans)</span></h2><div class=\"charts\">");
      for (String metric : List.of("ndcg@10", "recall@20")) {
        html.append(chart(report, models, key, metric));
      }
      html.append("</div>");
    }
    html.append("<h2>All metrics</h2>");
    for (Slice slice : Slice.values()) {
      html.append(table(report, models, slice.key()));
    }
    html.append(
            "<p class=\"note\">FanShelf's ranking of the whole catalog is its candidates ordered")
        .append(" by the model, then every other product by popularity. Items the fan interacted")
        .append(" with before the test moment are excluded unless repeats were allowed.</p>")
        .append("</body></html>\n");
    Files.writeString(file, html.toString());
  }

  private static List<String> models(EvaluationReport report) {
    List<String> models = new ArrayList<>();
    for (String name : EvaluationReport.MODEL_ORDER) {
      if (report.models().containsKey(name)) {
        models.add(name);
      }
    }
    report.models().keySet().stream().filter(m -> !models.contains(m)).forEach(models::add);
    return models;
  }

  private static String chart(
      EvaluationReport report, List<String> models, String slice, String metric) {
    double max = 0;
    for (String model : models) {
      double v = report.metric(model, slice, metric);
      if (!Double.isNaN(v)) {
        max = Math.max(max, v);
      }
    }
    double scale = max > 0 ? (CHART_WIDTH - LABEL_WIDTH - 60) / max : 0;
    int height = models.size() * (BAR_HEIGHT + 4) + 28;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s %s\">",
            CHART_WIDTH,
            height,
            esc(metric),
            esc(slice)));
    svg.append(
        String.format(
            Locale.ROOT, "<text x=\"0\" y=\"14\" font-weight=\"bold\">%s</text>", esc(metric)));
    int y = 24;
    for (String model : models) {
      double v = report.metric(model, slice, metric);
      double value = Double.isNaN(v) ? 0 : v;
      String colour =
          model.equals("fanshelf")
              ? "#d9480f"
              : model.startsWith("fanshelf") ? "#f08c00" : "#868e96";
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"12\">%s</text>",
              LABEL_WIDTH - 6,
              y + 13,
              esc(model)));
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
              LABEL_WIDTH,
              y,
              value * scale,
              BAR_HEIGHT,
              colour));
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" font-size=\"12\">%.4f</text>",
              LABEL_WIDTH + value * scale + 4,
              y + 13,
              value));
      y += BAR_HEIGHT + 4;
    }
    return svg.append("</svg>").toString();
  }

  private static final String[] PALETTE = {
    "#d9480f", "#f08c00", "#e8590c", "#fab005", "#5c940d", "#2b8a3e", "#0b7285", "#1864ab",
    "#5f3dc4", "#862e9c", "#a61e4d", "#495057", "#868e96", "#adb5bd"
  };

  /** Width of one legend entry, in SVG units. */
  private static final int LEGEND_ITEM = 160;

  /** One chart: a group of bars per slice, one bar per model, with a legend. */
  private static String grouped(EvaluationReport report, List<String> models) {
    List<String> slices = new ArrayList<>();
    double max = 0;
    for (Slice slice : Slice.values()) {
      if (report.models().get(models.getFirst()).get(slice.key()) != null) {
        slices.add(slice.key());
        for (String model : models) {
          double v = report.metric(model, slice.key(), "ndcg@10");
          max = Double.isNaN(v) ? max : Math.max(max, v);
        }
      }
    }
    int bar = 9;
    int groupWidth = models.size() * bar + 16;
    int plotHeight = 220;
    int plotWidth = 50 + slices.size() * groupWidth;
    // the legend goes above the bars, in rows as wide as the plot, so it shows at any width
    int perRow = Math.max(1, plotWidth / LEGEND_ITEM);
    int legendHeight = ((models.size() + perRow - 1) / perRow) * 16 + 8;
    int top = legendHeight + 10;
    int width = Math.max(plotWidth, perRow * LEGEND_ITEM) + 10;
    int height = top + plotHeight + 40;
    StringBuilder svg =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "<svg viewBox=\"0 0 %d %d\" style=\"width:100%%;max-width:%dpx;height:auto\""
                    + " role=\"img\" aria-label=\"NDCG@10 by slice\">",
                width,
                height,
                width));
    for (int m = 0; m < models.size(); m++) {
      int x = 50 + (m % perRow) * LEGEND_ITEM;
      int y = (m / perRow) * 16;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                  + "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>",
              x,
              y,
              PALETTE[m % PALETTE.length],
              x + 14,
              y + 9,
              esc(models.get(m))));
    }
    double scale = max > 0 ? plotHeight / max : 0;
    for (int tick = 0; tick <= 4; tick++) {
      double value = max * tick / 4;
      int y = top + plotHeight - (int) Math.round(value * scale);
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"45\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#eee\"/>"
                  + "<text x=\"40\" y=\"%d\" text-anchor=\"end\" font-size=\"11\">%.3f</text>",
              plotWidth,
              y,
              y,
              y + 4,
              value));
    }
    for (int s = 0; s < slices.size(); s++) {
      int x0 = 50 + s * groupWidth;
      for (int m = 0; m < models.size(); m++) {
        double v = report.metric(models.get(m), slices.get(s), "ndcg@10");
        double h = Double.isNaN(v) ? 0 : v * scale;
        svg.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\">"
                    + "<title>%s, %s: %.4f</title></rect>",
                x0 + m * bar,
                top + plotHeight - h,
                bar - 1,
                h,
                PALETTE[m % PALETTE.length],
                esc(models.get(m)),
                esc(slices.get(s)),
                Double.isNaN(v) ? 0 : v));
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>",
              x0,
              top + plotHeight + 18,
              esc(slices.get(s))));
    }
    return svg.append("</svg>").toString();
  }

  /**
   * The share of relevant (fan, product) pairs each ranking's candidates reached, beside every
   * model's share in its own top {@link Evaluator#CANDIDATE_DEPTH} (reports before format 3 have
   * only the first).
   */
  private static String candidateRecall(EvaluationReport report) {
    Object recall = report.counts().get("candidateRecall");
    if (!(recall instanceof Map<?, ?> byRanking) || byRanking.isEmpty()) {
      return "";
    }
    Map<?, ?> perFan = mapOrEmpty(report.counts().get("candidatesPerFan"));
    Map<?, ?> atDepth = mapOrEmpty(report.counts().get("recallAt" + Evaluator.CANDIDATE_DEPTH));
    StringBuilder t =
        new StringBuilder(
            "<h2>Candidate recall</h2><p class=\"note\">Share of the test fans' relevant"
                + " products that a ranking's candidates reach; it ranks only those, popularity"
                + " orders the rest. Beside it, the share each model's own top "
                + Evaluator.CANDIDATE_DEPTH
                + " reaches.</p><table><tr><th>model</th><th>candidates per fan</th>"
                + "<th>candidate recall</th><th>recall in top "
                + Evaluator.CANDIDATE_DEPTH
                + "</th></tr>");
    java.util.Set<Object> models = new java.util.LinkedHashSet<>(byRanking.keySet());
    models.addAll(atDepth.keySet());
    for (Object model : models) {
      t.append("<tr><td>").append(esc(String.valueOf(model))).append("</td>");
      for (Object value :
          java.util.Arrays.asList(
              perFan.get(model) instanceof Double d ? Math.round(d) : null,
              byRanking.get(model),
              atDepth.get(model))) {
        t.append("<td>").append(esc(format(value))).append("</td>");
      }
      t.append("</tr>");
    }
    return t.append("</table>").toString();
  }

  private static Map<?, ?> mapOrEmpty(Object value) {
    return value instanceof Map<?, ?> map ? map : Map.of();
  }

  /** The rankings compared on the validation window for serving, the served one marked. */
  private static String selection(EvaluationReport report) {
    Object selection = report.training().get("selection");
    if (!(selection instanceof List<?> choices) || choices.isEmpty()) {
      return "";
    }
    StringBuilder t =
        new StringBuilder(
            "<h2>Which ranking would serve</h2><p class=\"note\">Validation window "
                + esc(String.valueOf(report.training().get("validationWindow")))
                + "; NDCG@10 on the half of its fans no setting was chosen on. The simplest"
                + " ranking within one standard error of the best serves.</p><table><tr>"
                + "<th>ranking</th><th>validation NDCG@10</th><th>std. error of the gap to the"
                + " best</th><th>labelled fans</th><th>labelled fans as newcomers</th><th>served</th></tr>");
    for (Object c : choices) {
      if (c instanceof io.fanshelf.training.Trainer.Choice choice) {
        t.append(choice.served() ? "<tr class=\"best\">" : "<tr>")
            .append("<td>")
            .append(esc(choice.ranking()))
            .append("</td><td>")
            .append(format(choice.validationNdcg()))
            .append("</td><td>")
            .append(format(choice.standardError()))
            .append("</td><td>")
            .append(format(choice.labelledNdcg()))
            .append("</td><td>")
            .append(format(choice.newcomerNdcg()))
            .append("</td><td>")
            .append(choice.served() ? "yes" : "")
            .append("</td></tr>");
      }
    }
    return t.append("</table>").toString();
  }

  private static String table(EvaluationReport report, List<String> models, String slice) {
    if (report.models().get(models.getFirst()).get(slice) == null) {
      return "";
    }
    StringBuilder t =
        new StringBuilder("<table><caption>").append(slice).append("</caption><tr><th>model</th>");
    MetricTable.NAMES.forEach(m -> t.append("<th>").append(m).append("</th>"));
    t.append("</tr>");
    for (String model : models) {
      t.append("<tr")
          .append(model.equals("fanshelf") ? " class=\"best\"" : "")
          .append("><td>")
          .append(esc(model))
          .append("</td>");
      for (String metric : MetricTable.NAMES) {
        t.append(String.format(Locale.ROOT, "<td>%.4f</td>", report.metric(model, slice, metric)));
      }
      t.append("</tr>");
    }
    return t.append("</table>").toString();
  }

  private static String format(Object value) {
    if (value == null) {
      return "—";
    }
    return value instanceof Double d
        ? String.format(Locale.ROOT, "%.4f", d)
        : String.valueOf(value);
  }

  private static String esc(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
