package io.fanshelf.api.console;

import io.fanshelf.api.auth.ConsolePage;
import io.fanshelf.api.auth.CurrentOwner;
import io.fanshelf.api.funnel.FunnelService;
import io.fanshelf.api.owner.AttributedStats;
import io.fanshelf.api.owner.FanDirectory;
import io.fanshelf.api.owner.FanService;
import io.fanshelf.api.owner.FanViews;
import io.fanshelf.api.owner.StatsService;
import io.fanshelf.api.shelf.ShareLink;
import io.fanshelf.api.shelf.ShareLinkService;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.api.system.FanShelfProperties;
import io.fanshelf.api.system.Params;
import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.OwnerId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The fans table (filters, search, sort, numbered pages, bulk tagging of the checked fans or of
 * every fan the filters select) and one fan's page.
 */
@Controller
@ConsolePage
class ConsoleFansController {
  static final int PAGE_SIZE = 50;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private final FanService fans;
  private final FanDirectory directory;
  private final StatsService stats;
  private final ShareLinkService links;
  private final FunnelService funnels;
  private final String currency;

  ConsoleFansController(
      FanService fans,
      FanDirectory directory,
      StatsService stats,
      ShareLinkService links,
      FunnelService funnels,
      FanShelfProperties properties) {
    this.fans = fans;
    this.directory = directory;
    this.stats = stats;
    this.links = links;
    this.funnels = funnels;
    this.currency = properties.shelf().currency();
  }

  /**
   * One row of the table.
   *
   * @param id the fan id
   * @param nickname the owner's remark name, or empty
   * @param labels by dimension id
   * @param pageViews shelf pages the fan opened
   * @param clicks clicks on the owner's shelf
   * @param purchases purchases attributed to the owner
   * @param lastOpened when the fan last opened the shelf, UTC; empty if never
   * @param lastActive the fan's latest attributed event, UTC; empty if none
   */
  public record Row(
      String id,
      String nickname,
      Map<String, Label> labels,
      long pageViews,
      long clicks,
      long purchases,
      String lastOpened,
      String lastActive) {
    static Row of(FanDirectory.Row row) {
      AttributedStats.Activity activity = row.activity();
      return new Row(
          row.profile().fan().id().value(),
          row.profile().fan().nickname().orElse(""),
          row.profile().labels(),
          activity.counts().pageViews(),
          activity.counts().clicks(),
          activity.counts().purchases(),
          activity.lastOpened().map(TIME::format).orElse(""),
          activity.lastActive().map(TIME::format).orElse(""));
    }
  }

  /** Filters come as one parameter per dimension: {@code f.skin_type=oily}. */
  @GetMapping("/console/fans")
  public String list(
      @CurrentOwner OwnerId owner, @RequestParam Map<String, String> params, Model model)
      throws IOException {
    FanListRequest request = FanListRequest.parse(params);
    FanDirectory.Page page =
        directory.page(
            owner,
            new FanDirectory.Query(
                request.labels(fans.taxonomy()),
                request.search(),
                request.sort(),
                request.page(),
                PAGE_SIZE));
    model.addAttribute("list", request);
    model.addAttribute("rows", page.rows().stream().map(Row::of).toList());
    model.addAttribute("total", page.total());
    model.addAttribute("pageNumber", page.page());
    model.addAttribute("pages", page.pages());
    return "console/fans";
  }

  /**
   * Tags fans and goes back to the same list: the checked ones ({@code scope=checked}), or every
   * fan the filters and the search select ({@code scope=all}), after a confirmation page that names
   * the count. A refused change shows the table again with the reasons above it, in the page
   * language, and status 400.
   */
  @PostMapping("/console/fans/bulk")
  public String bulk(
      @CurrentOwner OwnerId owner,
      @RequestParam(name = "fan", required = false) List<String> checkedFans,
      @RequestParam("dimension") String dimension,
      @RequestParam(name = "value", required = false) List<String> values,
      @RequestParam(name = "remove", defaultValue = "false") boolean remove,
      @RequestParam(name = "scope", defaultValue = "checked") String scope,
      @RequestParam(name = ConfirmStep.CONFIRMED, defaultValue = "false") boolean confirmed,
      @RequestParam(name = "count", defaultValue = "-1") long confirmedCount,
      @RequestParam Map<String, String> params,
      @ModelAttribute(name = "errorTexts", binding = false) ConsoleErrors texts,
      @ModelAttribute(name = "names", binding = false) ConsoleNames names,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect)
      throws IOException {
    FanListRequest request = FanListRequest.parse(params);
    List<String> chosen = values == null ? List.of() : values;
    List<FanId> ids = new ArrayList<>();
    try {
      if (scope.equals("all")) {
        fans.checkBulkLabel(dimension, chosen, remove);
        ids.addAll(directory.matching(owner, request.labels(fans.taxonomy()), request.search()));
        if (ids.isEmpty()) {
          return refused(
              List.of(texts.message("fans.bulk.noMatch")),
              response,
              model,
              list(owner, params, model));
        }
        if (!confirmed || confirmedCount != ids.size()) {
          return confirmAll(
              params, chosen, ids.size(), remove, dimension, request, texts, names, model);
        }
      } else if (!scope.equals("checked")) {
        throw ApiException.badRequest("scope", "expected checked or all, got '" + scope + "'");
      } else if (checkedFans == null || checkedFans.isEmpty()) {
        return refused(
            List.of(texts.message("fans.bulk.none")), response, model, list(owner, params, model));
      } else {
        for (String fan : checkedFans) {
          ids.add(Params.fan("fan", fan));
        }
      }
      int changed = fans.bulkLabel(owner, ids, dimension, chosen, 1.0, remove);
      redirect.addFlashAttribute("notice", changed);
    } catch (ImportRejectedException e) {
      return refused(texts.lines(e.errors()), response, model, list(owner, params, model));
    }
    return "redirect:" + request.url();
  }

  private static String confirmAll(
      Map<String, String> params,
      List<String> values,
      int count,
      boolean remove,
      String dimension,
      FanListRequest request,
      ConsoleErrors texts,
      ConsoleNames names,
      Model model) {
    List<ConfirmStep.Field> fields = new ArrayList<>();
    for (ConfirmStep.Field field : ConfirmStep.fields(params)) {
      if (!field.name().equals("value") && !field.name().equals("count")) {
        fields.add(field);
      }
    }
    values.forEach(v -> fields.add(new ConfirmStep.Field("value", v)));
    fields.add(new ConfirmStep.Field("count", Integer.toString(count)));
    String question =
        remove
            ? texts.message("fans.bulk.confirmRemove", count, names.dimension(dimension))
            : texts.message(
                "fans.bulk.confirmSet",
                count,
                names.dimension(dimension),
                names.values(dimension, values));
    return new ConfirmStep(
            "/console/fans/bulk",
            question,
            texts.message("fans.bulk.confirmButton", count),
            request.url(),
            fields)
        .show(model);
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
    model.addAttribute(
        "lastOpened", stats.activity(owner, id).lastOpened().map(TIME::format).orElse(null));
    model.addAttribute("funnel", funnels.fan(owner, id));
    model.addAttribute("currency", currency);
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
    return "redirect:/console/links?q=" + URLEncoder.encode(fan, StandardCharsets.UTF_8);
  }
}
