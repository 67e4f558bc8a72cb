package io.fanshelf.api.console;

import io.fanshelf.api.auth.ConsolePage;
import io.fanshelf.api.auth.CurrentOwner;
import io.fanshelf.api.suggest.SuggestionKey;
import io.fanshelf.api.suggest.SuggestionService;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.api.system.Params;
import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.training.suggest.Evidence;
import io.fanshelf.training.suggest.Suggestion;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Label suggestions: filter by dimension and confidence, tick (or select all), accept or reject.
 * Each row says why, in counts the owner can check on the fan's page.
 */
@Controller
@ConsolePage
class ConsoleSuggestionsController {
  /** Rows on one page; the rest follow once these are decided. */
  static final int SHOWN = 200;

  private final SuggestionService suggestions;

  ConsoleSuggestionsController(SuggestionService suggestions) {
    this.suggestions = suggestions;
  }

  /** One row: the suggestion, its names in the page language and the evidence as sentences. */
  public record Row(
      String key,
      String fan,
      String dimension,
      String value,
      boolean privateDimension,
      int percent,
      String method,
      List<String> evidence) {}

  @GetMapping("/console/suggestions")
  public String page(
      @CurrentOwner OwnerId owner,
      @RequestParam(name = "dimension", defaultValue = "") String dimension,
      @RequestParam(name = "min", required = false) Integer minPercent,
      @ModelAttribute(name = "errorTexts", binding = false) ConsoleErrors texts,
      @ModelAttribute(name = "names", binding = false) ConsoleNames names,
      Model model)
      throws IOException {
    int percent =
        minPercent == null ? (int) Math.round(suggestions.defaultThreshold() * 100) : minPercent;
    if (percent < 0 || percent > 100) {
      throw ApiException.badRequest("min", "min must be a percentage 0-100, got " + minPercent);
    }
    Optional<String> only = Optional.of(dimension).filter(d -> !d.isBlank());
    if (only.isPresent() && names.taxonomy().dimension(only.get()).isEmpty()) {
      throw ApiException.badRequest("dimension", "unknown dimension '" + dimension + "'");
    }
    List<Suggestion> found =
        suggestions.list(owner, only, Math.max(percent / 100.0, Double.MIN_VALUE));
    List<Row> rows = new ArrayList<>();
    for (Suggestion s : found.subList(0, Math.min(SHOWN, found.size()))) {
      rows.add(row(s, texts, names));
    }
    model.addAttribute("rows", rows);
    model.addAttribute("total", found.size());
    model.addAttribute("dimension", dimension);
    model.addAttribute("min", percent);
    model.addAttribute("shown", SHOWN);
    return "console/suggestions";
  }

  /** Accepts or rejects the ticked rows, then shows the same filters again. */
  @PostMapping("/console/suggestions")
  public String decide(
      @CurrentOwner OwnerId owner,
      @RequestParam(name = "pick", required = false) List<String> picked,
      @RequestParam(name = "decision") String decision,
      @RequestParam(name = "dimension", defaultValue = "") String dimension,
      @RequestParam(name = "min", required = false) Integer minPercent,
      @ModelAttribute(name = "errorTexts", binding = false) ConsoleErrors texts,
      @ModelAttribute(name = "names", binding = false) ConsoleNames names,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect)
      throws IOException {
    boolean accept = decision.equals("accept");
    if (!accept && !decision.equals("reject")) {
      throw ApiException.badRequest(
          "decision", "expected accept or reject, got '" + decision + "'");
    }
    List<String> problems = new ArrayList<>();
    if (picked == null || picked.isEmpty()) {
      problems.add(texts.message("suggestions.noneTicked"));
    } else {
      List<SuggestionKey> keys = new ArrayList<>();
      for (String key : picked) {
        keys.add(parse(key));
      }
      try {
        int changed = accept ? suggestions.accept(owner, keys) : suggestions.reject(owner, keys);
        redirect.addFlashAttribute(accept ? "accepted" : "rejected", changed);
      } catch (ImportRejectedException e) {
        problems.addAll(texts.lines(e.errors()));
      }
    }
    if (!problems.isEmpty()) {
      String view = page(owner, dimension, minPercent, texts, names, model);
      response.setStatus(400);
      model.addAttribute("problems", problems);
      return view;
    }
    return "redirect:/console/suggestions?dimension="
        + URLEncoder.encode(dimension, StandardCharsets.UTF_8)
        + (minPercent == null ? "" : "&min=" + minPercent);
  }

  private static SuggestionKey parse(String key) {
    String[] parts = key.split("\\|", -1);
    if (parts.length != 3 || parts[1].isBlank() || parts[2].isBlank()) {
      throw ApiException.badRequest("pick", "expected fan|dimension|value, got '" + key + "'");
    }
    return new SuggestionKey(Params.fan("pick", parts[0]), parts[1], parts[2]);
  }

  private static Row row(Suggestion s, ConsoleErrors texts, ConsoleNames names) {
    List<String> evidence = new ArrayList<>();
    for (Evidence e : s.evidence()) {
      String name =
          e.kind() == Evidence.Kind.RULE ? names.value(s.dimension(), e.name()) : e.name();
      evidence.add(
          texts.message(
              "suggestions.evidence." + e.kind().name().toLowerCase(Locale.ROOT),
              e.matching(),
              e.of(),
              name,
              names.dimension(s.dimension()).toLowerCase(texts.locale())));
    }
    return new Row(
        s.fan().value() + "|" + s.dimension() + "|" + s.value(),
        s.fan().value(),
        names.dimension(s.dimension()),
        names.value(s.dimension(), s.value()),
        names.isPrivate(s.dimension()),
        (int) Math.floor(s.confidence() * 100),
        texts.message("suggestions.method." + s.method().name().toLowerCase(Locale.ROOT)),
        evidence);
  }
}
