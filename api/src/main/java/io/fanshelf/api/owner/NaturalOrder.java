package io.fanshelf.api.owner;

import java.util.Comparator;

/**
 * Orders ids as people read them: runs of digits by their number, the rest by character, so "9" <
 * "10" < "100" and "fan-2" < "fan-10" (as strings, "10" sorts before "9"). Leading zeros do not
 * change a number's place; ids equal that way ("fan-01", "fan-1") fall back to string order, so the
 * order is total. Stateless.
 */
final class NaturalOrder implements Comparator<String> {
  static final NaturalOrder INSTANCE = new NaturalOrder();

  private NaturalOrder() {}

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i);
      char y = b.charAt(j);
      if (isDigit(x) && isDigit(y)) {
        int endA = digitsEnd(a, i);
        int endB = digitsEnd(b, j);
        int compared = compareNumbers(a, i, endA, b, j, endB);
        if (compared != 0) {
          return compared;
        }
        i = endA;
        j = endB;
      } else {
        if (x != y) {
          return Character.compare(x, y);
        }
        i++;
        j++;
      }
    }
    int byLength = Integer.compare(a.length() - i, b.length() - j);
    return byLength != 0 ? byLength : a.compareTo(b);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int digitsEnd(String s, int from) {
    int end = from;
    while (end < s.length() && isDigit(s.charAt(end))) {
      end++;
    }
    return end;
  }

  /** Compares two digit runs by value without parsing, so any length works. */
  private static int compareNumbers(String a, int i, int endA, String b, int j, int endB) {
    while (i < endA - 1 && a.charAt(i) == '0') {
      i++;
    }
    while (j < endB - 1 && b.charAt(j) == '0') {
      j++;
    }
    int byDigits = Integer.compare(endA - i, endB - j);
    if (byDigits != 0) {
      return byDigits;
    }
    for (; i < endA; i++, j++) {
      int compared = Character.compare(a.charAt(i), b.charAt(j));
      if (compared != 0) {
        return compared;
      }
    }
    return 0;
  }
}
