package io.fanshelf.api.auth;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class TokensTest {
  @Test
  void tokensCarry256RandomBitsInUrlSafeCharacters() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String token = Tokens.random("");
      Assertions.assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
      Assertions.assertEquals(32, Base64.getUrlDecoder().decode(token).length);
      Assertions.assertTrue(seen.add(token), "no repeats");
    }
    Assertions.assertTrue(Tokens.random("fsk_").startsWith("fsk_"));
  }

  @Test
  void fingerprintsAreSha256Hex() {
    Assertions.assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        Tokens.fingerprint("abc"));
  }

  @Test
  void comparesSecrets() {
    Assertions.assertTrue(Tokens.same("abc", "abc"));
    Assertions.assertFalse(Tokens.same("abc", "abd"));
    Assertions.assertFalse(Tokens.same(null, "abc"));
  }
}
