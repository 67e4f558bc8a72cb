package io.fanshelf.api;

import jakarta.servlet.http.Cookie;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The console's sign-in form as a browser sends it: fetched first for its CSRF value and cookie,
 * then posted with both.
 */
public final class ConsoleSignInForm {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private ConsoleSignInForm() {}

  /** The POST of the sign-in form, filled in with {@code owner} and {@code password}. */
  public static MockHttpServletRequestBuilder post(MockMvc mvc, String owner, String password)
      throws Exception {
    MockHttpServletResponse page =
        mvc.perform(MockMvcRequestBuilders.get("/console/login")).andReturn().getResponse();
    Matcher csrf = CSRF.matcher(page.getContentAsString());
    if (!csrf.find()) {
      throw new AssertionError("the sign-in form carries no CSRF value");
    }
    Cookie cookie = page.getCookie("FANSHELF_SIGN_IN");
    if (cookie == null) {
      throw new AssertionError("the sign-in form sets no FANSHELF_SIGN_IN cookie");
    }
    return MockMvcRequestBuilders.post("/console/login")
        .cookie(new Cookie(cookie.getName(), cookie.getValue()))
        .param("_csrf", csrf.group(1))
        .param("owner", owner)
        .param("password", password);
  }
}
