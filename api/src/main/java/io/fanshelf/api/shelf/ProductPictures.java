package io.fanshelf.api.shelf;

import io.fanshelf.indexer.model.Product;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a product picture as SVG from what the catalog says about the product: the shape from its
 * category (a jar for 面霜, a lipstick for 口红, a mug for 马克杯 ...), the colour from its {@code color}
 * attribute, the brand written on the pack. The demo shop's catalog points its images here, so the
 * demo shows pictures without downloading any. Stateless and thread-safe.
 */
public final class ProductPictures {
  /** The picture's size in CSS pixels, as the shelf's cards show it. */
  public static final int SIZE = 240;

  private static final Map<String, String> COLORS =
      Map.ofEntries(
          Map.entry("天蓝", "#8ec5e8"),
          Map.entry("青绿", "#7cc7b2"),
          Map.entry("薄荷绿", "#a8dcc4"),
          Map.entry("樱花粉", "#f4b6c2"),
          Map.entry("象牙白", "#efe3d0"),
          Map.entry("正红色", "#c8102e"),
          Map.entry("豆沙色", "#c27c7c"),
          Map.entry("枫叶红", "#b5432f"),
          Map.entry("奶茶色", "#c8a27c"),
          Map.entry("珊瑚橘", "#f08a5d"),
          Map.entry("樱桃红", "#a4133c"),
          Map.entry("大地色", "#a47551"),
          Map.entry("蜜桃色", "#f6a48d"),
          Map.entry("玫瑰色", "#d46a84"),
          Map.entry("蜜桃", "#f6a48d"),
          Map.entry("杏色", "#f2c18d"),
          Map.entry("玫瑰", "#d46a84"),
          Map.entry("奶白", "#f3eee4"),
          Map.entry("雾霾蓝", "#8fa6bf"),
          Map.entry("燕麦色", "#d9c7a7"),
          Map.entry("墨绿", "#2f5d50"),
          Map.entry("浅灰", "#c9cbcf"));

  private static final List<String> FALLBACK_COLORS =
      List.of("#8ec5e8", "#a8dcc4", "#f4b6c2", "#f2c18d", "#c8a27c", "#8fa6bf", "#d9c7a7");

  private ProductPictures() {}

  /** The SVG document of the product's picture. */
  public static String svg(Product product) {
    String color = color(product);
    String ink = dark(color) ? "#ffffff" : "#3a3a3a";
    String brand = escape(product.brand().orElse(product.category()));
    StringBuilder svg = new StringBuilder(1_500);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(SIZE)
        .append("\" height=\"")
        .append(SIZE)
        .append("\" viewBox=\"0 0 240 240\" font-family=\"'Noto Sans CJK SC','PingFang SC',")
        .append("'Microsoft YaHei',sans-serif\">")
        .append("<defs><linearGradient id=\"bg\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\">")
        .append("<stop offset=\"0\" stop-color=\"")
        .append(tint(color, 0.82))
        .append("\"/><stop offset=\"1\" stop-color=\"#ffffff\"/></linearGradient></defs>")
        .append("<rect width=\"240\" height=\"240\" fill=\"url(#bg)\"/>")
        .append(
            "<ellipse cx=\"120\" cy=\"206\" rx=\"70\" ry=\"9\" fill=\"#000\" opacity=\".08\"/>");
    svg.append(shape(product.category(), color, ink, brand));
    return svg.append("</svg>").toString();
  }

  /** The product drawn in the middle of the picture, with the brand on it where it fits. */
  private static String shape(String category, String color, String ink, String brand) {
    String label =
        "<text x=\"120\" y=\"%d\" text-anchor=\"middle\" font-size=\"%d\" fill=\"%s\">%s</text>";
    return switch (category) {
      case "面霜" ->
          rect(62, 92, 116, 104, 18, color)
              + rect(56, 70, 128, 30, 10, shade(color))
              + String.format(Locale.ROOT, label, 152, 18, ink, brand);
      case "精华" ->
          rect(84, 96, 72, 104, 14, color)
              + rect(106, 70, 28, 28, 4, "#d9d9d9")
              + "<ellipse cx=\"120\" cy=\"58\" rx=\"14\" ry=\"18\" fill=\""
              + shade(color)
              + "\"/>"
              + String.format(Locale.ROOT, label, 152, 15, ink, brand);
      case "洁面", "防晒" ->
          "<path d=\"M78 40 H162 L150 168 H90 Z\" fill=\""
              + color
              + "\"/>"
              + rect(92, 166, 56, 34, 6, shade(color))
              + String.format(Locale.ROOT, label, 104, 16, ink, brand);
      case "爽肤水", "粉底液" ->
          rect(80, 78, 80, 122, 16, color)
              + rect(100, 46, 40, 34, 6, shade(color))
              + String.format(Locale.ROOT, label, 146, 16, ink, brand);
      case "面膜" ->
          rect(56, 44, 128, 156, 10, color)
              + "<path d=\"M56 60 H184\" stroke=\"#fff\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
              + String.format(Locale.ROOT, label, 130, 20, ink, brand);
      case "口红" ->
          rect(98, 112, 44, 88, 6, "#2b2b2b")
              + rect(102, 92, 36, 24, 3, "#c9a24a")
              + "<path d=\"M106 92 V60 L134 46 V92 Z\" fill=\""
              + color
              + "\"/>"
              + String.format(Locale.ROOT, label, 162, 12, "#ffffff", brand);
      case "眼影" -> palette(color, shade(color), tint(color, 0.4), brand);
      case "腮红" ->
          "<circle cx=\"120\" cy=\"122\" r=\"72\" fill=\"#2b2b2b\"/><circle cx=\"120\" cy=\"122\""
              + " r=\"56\" fill=\""
              + color
              + "\"/>"
              + String.format(Locale.ROOT, label, 127, 16, ink, brand);
      case "收纳盒" ->
          rect(48, 96, 144, 100, 8, color)
              + rect(42, 80, 156, 24, 6, shade(color))
              + String.format(Locale.ROOT, label, 156, 18, ink, brand);
      case "香薰蜡烛" ->
          rect(72, 92, 96, 108, 14, color)
              + "<path d=\"M120 52 C108 70 112 84 120 86 C128 84 132 70 120 52 Z\" fill=\"#f5b642\"/>"
              + "<path d=\"M120 86 V94\" stroke=\"#3a3a3a\" stroke-width=\"2\"/>"
              + String.format(Locale.ROOT, label, 152, 16, ink, brand);
      case "四件套" ->
          rect(44, 150, 152, 44, 10, shade(color))
              + rect(52, 108, 136, 46, 10, color)
              + rect(60, 68, 120, 44, 10, tint(color, 0.4))
              + String.format(Locale.ROOT, label, 137, 16, ink, brand);
      case "马克杯" ->
          "<path d=\"M166 100 C200 100 200 160 166 160\" stroke=\""
              + shade(color)
              + "\" stroke-width=\"12\" fill=\"none\"/>"
              + rect(66, 72, 104, 128, 16, color)
              + String.format(Locale.ROOT, label, 142, 16, ink, brand);
      case "台灯" ->
          "<path d=\"M84 48 H156 L178 112 H62 Z\" fill=\""
              + color
              + "\"/>"
              + rect(114, 110, 12, 76, 4, "#8a8a8a")
              + rect(80, 184, 80, 16, 8, shade(color))
              + String.format(Locale.ROOT, label, 92, 14, ink, brand);
      case "抱枕" ->
          "<path d=\"M52 60 Q120 44 188 60 Q200 128 188 196 Q120 210 52 196 Q40 128 52 60 Z\""
              + " fill=\""
              + color
              + "\"/>"
              + String.format(Locale.ROOT, label, 134, 20, ink, brand);
      default ->
          rect(60, 60, 120, 140, 12, color)
              + String.format(Locale.ROOT, label, 136, 18, ink, brand);
    };
  }

  private static String palette(String a, String b, String c, String brand) {
    StringBuilder svg = new StringBuilder(rect(40, 64, 160, 128, 14, "#2b2b2b"));
    List<String> colors = List.of(a, b, c);
    for (int row = 0; row < 3; row++) {
      for (int col = 0; col < 3; col++) {
        svg.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%d\" cy=\"%d\" r=\"16\" fill=\"%s\"/>",
                76 + col * 44,
                96 + row * 32,
                colors.get((row + col) % 3)));
      }
    }
    return svg.append(
            String.format(
                Locale.ROOT,
                "<text x=\"120\" y=\"214\" text-anchor=\"middle\" font-size=\"14\""
                    + " fill=\"#3a3a3a\">%s</text>",
                brand))
        .toString();
  }

  private static String rect(int x, int y, int width, int height, int radius, String fill) {
    return String.format(
        Locale.ROOT,
        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"%d\" fill=\"%s\"/>",
        x,
        y,
        width,
        height,
        radius,
        fill);
  }

  /** The colour the catalog names, or one picked from the product id when it names none we know. */
  static String color(Product product) {
    List<String> named = product.attributes().getOrDefault("color", List.of());
    for (String name : named) {
      String hex = COLORS.get(name);
      if (hex != null) {
        return hex;
      }
    }
    return FALLBACK_COLORS.get(
        Math.floorMod(product.id().value().hashCode(), FALLBACK_COLORS.size()));
  }

  private static int[] rgb(String hex) {
    int value = Integer.parseInt(hex.substring(1), 16);
    return new int[] {value >> 16 & 0xff, value >> 8 & 0xff, value & 0xff};
  }

  private static boolean dark(String hex) {
    int[] c = rgb(hex);
    return 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2] < 150;
  }

  /** The colour mixed with white: share 0 is the colour, 1 is white. */
  private static String tint(String hex, double share) {
    int[] c = rgb(hex);
    return String.format(
        Locale.ROOT,
        "#%02x%02x%02x",
        (int) Math.round(c[0] + (255 - c[0]) * share),
        (int) Math.round(c[1] + (255 - c[1]) * share),
        (int) Math.round(c[2] + (255 - c[2]) * share));
  }

  /** The colour a fifth darker, for lids and caps. */
  private static String shade(String hex) {
    int[] c = rgb(hex);
    return String.format(Locale.ROOT, "#%02x%02x%02x", c[0] * 4 / 5, c[1] * 4 / 5, c[2] * 4 / 5);
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char ch : text.toCharArray()) {
      switch (ch) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }
}
