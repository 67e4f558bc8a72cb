package io.fanshelf.api.console;

import io.fanshelf.api.auth.ConsolePage;
import io.fanshelf.api.auth.CurrentOwner;
import io.fanshelf.api.outreach.OutreachService;
import io.fanshelf.api.system.Params;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.recommender.outreach.OutreachReason;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Who to message today": the day's list with ready-to-paste messages in the console's language and
 * a copy button each, marking sent, opting a fan out, and the owner's message templates.
 */
@Controller
@ConsolePage
class ConsoleOutreachController {
  private final OutreachService outreach;

  ConsoleOutreachController(OutreachService outreach) {
    this.outreach = outreach;
  }

  @GetMapping("/console/outreach")
  public String page(
      @CurrentOwner OwnerId owner,
      @RequestParam(name = "date", required = false) String date,
      Locale locale,
      Model model)
      throws IOException {
    LocalDate day = outreach.date(date);
    String language = locale.getLanguage().equals("zh") ? "zh-CN" : "en";
    model.addAttribute("day", outreach.day(owner, day, language));
    model.addAttribute("optedOut", outreach.optedOut(owner));
    model.addAttribute("templates", outreach.templates(owner));
    model.addAttribute("reasons", List.of(OutreachReason.values()));
    return "console/outreach";
  }

  @PostMapping("/console/outreach/sent")
  public String markSent(
      @CurrentOwner OwnerId owner,
      @RequestParam("date") String date,
      @RequestParam("fan") String fan,
      @RequestParam("product") String product,
      @RequestParam("reason") String reason,
      RedirectAttributes redirect)
      throws IOException {
    LocalDate day = outreach.date(date);
    outreach.markSent(owner, day, List.of(new OutreachService.SentMessage(fan, product, reason)));
    redirect.addFlashAttribute("marked", fan);
    return back(day, fan);
  }

  @PostMapping("/console/outreach/opt-out")
  public String optOut(
      @CurrentOwner OwnerId owner,
      @RequestParam("fan") String fan,
      @RequestParam(name = "out", defaultValue = "true") boolean out,
      @RequestParam(name = "date", required = false) String date)
      throws IOException {
    outreach.optOut(owner, Params.fan("fan", fan), out);
    return "redirect:/console/outreach" + (date == null ? "" : "?date=" + outreach.date(date));
  }

  @PostMapping("/console/outreach/templates")
  public String templates(
      @CurrentOwner OwnerId owner,
      @RequestParam Map<String, String> form,
      RedirectAttributes redirect)
      throws IOException {
    Map<String, Map<String, String>> texts = new LinkedHashMap<>();
    for (OutreachReason reason : OutreachReason.values()) {
      for (String language : List.of("zh-CN", "en")) {
        String text = form.get("t." + reason.wireName() + "." + language);
        if (text != null) {
          texts.computeIfAbsent(reason.wireName(), r -> new LinkedHashMap<>()).put(language, text);
        }
      }
    }
    outreach.setTemplates(owner, texts);
    redirect.addFlashAttribute("templatesSaved", true);
    return "redirect:/console/outreach#templates";
  }

  private static String back(LocalDate day, String fan) {
    return "redirect:/console/outreach?date="
        + day
        + "#fan-"
        + URLEncoder.encode(fan, StandardCharsets.UTF_8);
  }
}
