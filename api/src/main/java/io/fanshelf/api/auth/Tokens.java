package io.fanshelf.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secrets: random tokens (SecureRandom, URL-safe base64 without padding) and their SHA-256
 * fingerprints, which is what the stores keep for keys and sign-in tokens. Thread-safe.
 */
public final class Tokens {
  /** 32 bytes: 256 random bits, well above the 128 a share link needs. */
  public static final int BYTES = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  /** A fresh token: {@code prefix} followed by {@link #BYTES} random bytes, URL-safe base64. */
  public static String random(String prefix) {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A short random id for records (not a secret): 9 bytes, URL-safe base64. */
  public static String id(String prefix) {
    byte[] bytes = new byte[9];
    RANDOM.nextBytes(bytes);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The hex SHA-256 of a token, the form in which stores keep it. */
  public static String fingerprint(String token) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Compares two secrets in time independent of where they differ. */
  public static boolean same(String a, String b) {
    return a != null
        && b != null
        && MessageDigest.isEqual(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
