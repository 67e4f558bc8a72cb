package io.fanshelf.api.console;

import io.fanshelf.api.auth.ConsolePage;
import io.fanshelf.api.auth.CurrentOwner;
import io.fanshelf.api.owner.FanService;
import io.fanshelf.api.owner.FanViews;
import io.fanshelf.api.owner.LabelFilters;
import io.fanshelf.api.owner.StatsService;
import io.fanshelf.api.shelf.ShareLink;
import io.fanshelf.api.shelf.ShareLinkService;
import io.fanshelf.api.system.Params;
import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.store.FanPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The fans table (filters, bulk selection, bulk tagging) and one fan's page. */
@Controller
@ConsolePage
class ConsoleFansController {
  private final FanService fans;
  private final StatsService stats;
  private final ShareLinkService links;

  ConsoleFansController(FanService fans, StatsService stats, ShareLinkService links) {
    this.fans = fans;
    this.stats = stats;
    this.links = links;
  }

  /** Filters come as one parameter per dimension: {@code f.skin_type=oily}. */
  @GetMapping("/console/fans")
  public String list(
      @CurrentOwner OwnerId owner,
      @RequestParam Map<String, String> params,
      @RequestParam(name = "after", required = false) String after,
      Model model)
      throws IOException {
    Map<String, String> selected = new LinkedHashMap<>();
    List<String> filters = new ArrayList<>();
    params.forEach(
        (key, value) -> {
          if (key.startsWith("f.") && value != null && !value.isBlank()) {
            selected.put(key.substring(2), value);
            filters.add(key.substring(2) + ":" + value);
          }
        });
    var labels = LabelFilters.parse("f", filters, fans.taxonomy());
    FanPage page =
        fans.find(
            owner, labels, Set.of(), Optional.ofNullable(after).filter(a -> !a.isBlank()), 50);
    StringBuilder query = new StringBuilder();
    selected.forEach(
        (k, v) ->
            query
                .append("&f.")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    model.addAttribute("page", FanViews.FanPageView.of(page));
    model.addAttribute("selected", selected);
    model.addAttribute("filterQuery", query.toString());
    return "console/fans";
  }

  /**
   * Tags the selected fans and goes back to the same filtered table; a refused change shows the
   * table again with the reasons above it, in the page language, and status 400.
   */
  @PostMapping("/console/fans/bulk")
  public String bulk(
      @CurrentOwner OwnerId owner,
      @RequestParam(name = "fan", required = false) List<String> selectedFans,
      @RequestParam("dimension") String dimension,
      @RequestParam(name = "value", required = false) List<String> values,
      @RequestParam(name = "remove", defaultValue = "false") boolean remove,
      @RequestParam Map<String, String> params,
      @ModelAttribute(name = "errorTexts", binding = false) ConsoleErrors texts,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect)
      throws IOException {
    if (selectedFans == null || selectedFans.isEmpty()) {
      return refused(
          List.of(texts.message("fans.bulk.none")),
          response,
          model,
          list(owner, params, null, model));
    }
    List<FanId> ids = new ArrayList<>();
    for (String fan : selectedFans) {
      ids.add(Params.fan("fan", fan));
    }
    int changed;
    try {
      changed =
          fans.bulkLabel(owner, ids, dimension, values == null ? List.of() : values, 1.0, remove);
    } catch (ImportRejectedException e) {
      return refused(texts.lines(e.errors()), response, model, list(owner, params, null, model));
    }
    redirect.addFlashAttribute("notice", changed);
    // Back to the same filtered table: the filters travel as hidden f.<dimension> fields.
    StringBuilder query = new StringBuilder();
    params.forEach(
        (key, value) -> {
          if (key.startsWith("f.") && value != null && !value.isBlank()) {
            query
                .append(query.isEmpty() ? '?' : '&')
                .append(URLEncoder.encode(key, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
          }
        });
    return "redirect:/console/fans" + query;
  }

  /** The page a refused form came from, with the reasons shown above it. */
  private static String refused(
      List<String> problems, HttpServletResponse response, Model model, String view) {
    response.setStatus(400);
    model.addAttribute("problems", problems);
    return view;
  }

  @GetMapping("/console/fans/{fan}")
  public String fan(
      @CurrentOwner OwnerId owner,
      @PathVariable("fan") String fan,
      HttpServletRequest request,
      Model model)
      throws IOException {
    FanId id = Params.fan("fan", fan);
    model.addAttribute("fan", FanViews.FanView.of(fans.get(owner, id)));
    model.addAttribute("stats", stats.fan(owner, id));
    Optional<ShareLink> link =
        links.list(owner, false).stream().filter(l -> l.fan().equals(id)).findFirst();
    model.addAttribute("link", link.map(links::url).orElse(null));
    return "console/fan";
  }

  @PostMapping("/console/fans/{fan}/labels")
  public String setLabel(
      @CurrentOwner OwnerId owner,
      @PathVariable("fan") String fan,
      @RequestParam("dimension") String dimension,
      @RequestParam(name = "value", required = false) List<String> values,
      @RequestParam(name = "remove", defaultValue = "false") boolean remove,
      @ModelAttribute(name = "errorTexts", binding = false) ConsoleErrors texts,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model)
      throws IOException {
    FanId id = Params.fan("fan", fan);
    try {
      if (remove) {
        fans.removeLabel(owner, id, dimension);
      } else {
        fans.setLabel(owner, id, dimension, values == null ? List.of() : values, 1.0);
      }
    } catch (ImportRejectedException e) {
      return refused(texts.lines(e.errors()), response, model, fan(owner, fan, request, model));
    }
    return "redirect:/console/fans/" + URLEncoder.encode(fan, StandardCharsets.UTF_8);
  }

  @PostMapping("/console/fans/{fan}/link")
  public String link(@CurrentOwner OwnerId owner, @PathVariable("fan") String fan)
      throws IOException {
    links.forFan(owner, Params.fan("fan", fan));
    return "redirect:/console/links";
  }
}
