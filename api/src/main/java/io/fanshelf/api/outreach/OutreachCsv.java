package io.fanshelf.api.outreach;

/** The day's list as CSV, one row per fan, cells quoted and made safe for spreadsheets. */
final class OutreachCsv {
  private OutreachCsv() {}

  static String of(OutreachService.Day day) {
    StringBuilder csv =
        new StringBuilder(
            "\uFEFFrank,fan_id,nickname,reason,why,product_id,product_title,price,"
                + "expected_commission,link,message,sent\r\n");
    for (OutreachService.Entry e : day.entries()) {
      csv.append(e.rank())
          .append(',')
          .append(cell(e.fan()))
          .append(',')
          .append(cell(e.nickname()))
          .append(',')
          .append(e.reason())
          .append(',')
          .append(cell(e.why()))
          .append(',')
          .append(cell(e.product()))
          .append(',')
          .append(cell(e.productTitle()))
          .append(',')
          .append(OutreachService.yuan(e.priceCents()))
          .append(',')
          .append(e.expectedCommission().toPlainString())
          .append(',')
          .append(cell(e.link()))
          .append(',')
          .append(cell(e.message()))
          .append(',')
          .append(e.sent())
          .append("\r\n");
    }
    return csv.toString();
  }

  static String cell(String text) {
    boolean quote =
        text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
    // A leading =, +, - or @ would run as a formula in a spreadsheet program.
    String safe = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    return quote || !safe.equals(text) ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
  }
}
