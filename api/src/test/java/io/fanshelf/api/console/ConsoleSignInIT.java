package io.fanshelf.api.console;

import io.fanshelf.api.ApiTestBase;
import io.fanshelf.api.ItBase;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The console's cookies over real HTTP, where Tomcat's RemoteIpValve reads X-Forwarded-Proto (the
 * forward-headers strategy, which MockMvc does not run).
 */
class ConsoleSignInIT extends ItBase {

  private List<String> cookiesOfSignIn(String forwardedProto) throws Exception {
    var form = signInForm("shop-lily", ApiTestBase.PASSWORD);
    if (forwardedProto != null) {
      form.header("X-Forwarded-Proto", forwardedProto);
    }
    HttpResponse<String> answer = send(form);
    Assertions.assertEquals(302, answer.statusCode(), answer.body());
    return answer.headers().allValues("Set-Cookie");
  }

  private static String session(List<String> cookies) {
    return cookies.stream()
        .filter(c -> c.startsWith("FANSHELF_SESSION="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
  }

  @Test
  void theSessionCookieIsSecureBehindAProxyThatSaysHttps() throws Exception {
    String secure = session(cookiesOfSignIn("https"));
    Assertions.assertTrue(secure.contains("; Secure"), secure);
    Assertions.assertTrue(secure.contains("HttpOnly"), secure);
  }

  @Test
  void theSessionCookieIsNotSecureOverPlainHttp() throws Exception {
    String plain = session(cookiesOfSignIn(null));
    Assertions.assertFalse(plain.contains("Secure"), plain);
    String proxiedHttp = session(cookiesOfSignIn("http"));
    Assertions.assertFalse(proxiedHttp.contains("Secure"), proxiedHttp);
  }
}
