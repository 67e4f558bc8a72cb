package io.fanshelf.api.console;

import io.fanshelf.api.auth.AccessInterceptor;
import io.fanshelf.api.auth.Caller;
import io.fanshelf.api.auth.ConsolePage;
import io.fanshelf.api.owner.ShopDimensions;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.api.system.FanShelfLocaleResolver;
import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.model.Owner;
import io.fanshelf.indexer.store.MetadataReader;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.multipart.MultipartException;

/**
 * What every console page shares: the signed-in owner, the CSRF value for its forms, the page
 * language (?lang= remembered in a cookie, else the owner's setting) and taxonomy names; errors as
 * a page that says what to fix.
 */
@ControllerAdvice(annotations = ConsolePage.class)
public class ConsoleSupport {
  static final String LANG_COOKIE = "fanshelf_lang";

  private final MetadataReader metadata;
  private final MessageSource messages;
  private final ShopDimensions dimensions;

  public ConsoleSupport(
      MetadataReader metadata, MessageSource messages, ShopDimensions dimensions) {
    this.metadata = metadata;
    this.messages = messages;
    this.dimensions = dimensions;
  }

  @ModelAttribute
  public void common(HttpServletRequest request, HttpServletResponse response, Model model)
      throws IOException {
    Caller caller = Caller.of(request);
    if (!(caller instanceof Caller.OwnerUser user)) {
      return;
    }
    Optional<Owner> owner = metadata.owner(user.owner());
    Locale locale = locale(request, response, owner);
    request.setAttribute(FanShelfLocaleResolver.ATTRIBUTE, locale);
    model.addAttribute("owner", user.owner().value());
    model.addAttribute("ownerName", owner.map(Owner::name).orElse(user.owner().value()));
    model.addAttribute("csrf", user.token().csrf());
    model.addAttribute("csrfParam", AccessInterceptor.CSRF_PARAM);
    model.addAttribute("lang", locale.getLanguage().equals("zh") ? "zh-CN" : "en");
    ConsoleNames names = new ConsoleNames(metadata.taxonomy(), dimensions.of(user.owner()), locale);
    model.addAttribute("names", names);
    model.addAttribute("errorTexts", new ConsoleErrors(names, messages, locale));
  }

  static Locale locale(
      HttpServletRequest request, HttpServletResponse response, Optional<Owner> owner) {
    String lang = request.getParameter("lang");
    if (lang != null && (lang.equals("en") || lang.equals("zh-CN"))) {
      Cookie cookie = new Cookie(LANG_COOKIE, lang);
      cookie.setPath("/console");
      cookie.setHttpOnly(true);
      cookie.setMaxAge(365 * 24 * 3600);
      response.addCookie(cookie);
      return lang.equals("en") ? Locale.US : Locale.SIMPLIFIED_CHINESE;
    }
    if (request.getCookies() != null) {
      for (Cookie cookie : request.getCookies()) {
        if (LANG_COOKIE.equals(cookie.getName())) {
          return cookie.getValue().equals("en") ? Locale.US : Locale.SIMPLIFIED_CHINESE;
        }
      }
    }
    return owner.map(Owner::locale).orElse(Locale.SIMPLIFIED_CHINESE);
  }

  /**
   * Where the error page's "back" leads: the console section the failed request belongs to
   * (/console/segments/x/delete: the segments), a real link rather than history.back(), which the
   * Content-Security-Policy would block as inline script.
   */
  static void back(HttpServletRequest request, Model model) {
    String[] path = request.getRequestURI().split("/");
    String section = path.length > 2 && SECTIONS.contains(path[2]) ? path[2] : "fans";
    model.addAttribute("back", "/console/" + section);
    model.addAttribute("backName", "nav." + section);
  }

  private static final java.util.Set<String> SECTIONS =
      java.util.Set.of("fans", "import", "segments", "curation", "links", "stats", "funnel");

  @ExceptionHandler(ApiException.class)
  public String apiError(
      ApiException e, HttpServletRequest request, HttpServletResponse response, Model model) {
    back(request, model);
    response.setStatus(e.status().value());
    model.addAttribute("message", e.getMessage());
    model.addAttribute("errors", java.util.List.of());
    return "console/error";
  }

  /**
   * An upload whose body cannot be read (no boundary, cut off): the browser's or network's fault.
   */
  @ExceptionHandler(MultipartException.class)
  public String unreadableUpload(
      MultipartException e, HttpServletRequest request, HttpServletResponse response, Model model) {
    back(request, model);
    response.setStatus(400);
    model.addAttribute(
        "message", "the upload could not be read; choose the file and send it again");
    model.addAttribute("errors", java.util.List.of());
    return "console/error";
  }

  @ExceptionHandler(ImportRejectedException.class)
  public String rejected(
      ImportRejectedException e,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    back(request, model);
    response.setStatus(400);
    model.addAttribute("message", e.getMessage());
    model.addAttribute("errors", e.errors());
    return "console/error";
  }
}
