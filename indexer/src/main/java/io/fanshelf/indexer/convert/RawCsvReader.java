package io.fanshelf.indexer.convert;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A strict RFC 4180 reader for the raw CSVs (comma separated unless told otherwise, UTF-8 unless
 * told otherwise, gunzipped when the name ends in {@code .gz}): a header row, {@code "} quoting
 * with {@code ""} as an escaped quote, quoted cells that may span lines, LF or CRLF line ends;
 * blank lines are skipped. Every problem, down to a malformed number in a typed getter, is a {@link
 * RawDataException} naming the file, the line where the record starts and the column. Not
 * thread-safe; the caller closes it.
 */
final class RawCsvReader implements RawRecords {
  private static final Pattern NUMERIC_ID = Pattern.compile("[0-9]{1,18}");
  private static final Pattern R_SCIENTIFIC =
      Pattern.compile("[0-9](\\.[0-9]{1,14})?e\\+[0-9]{1,2}");
  private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,18}");
  private static final DateTimeFormatter LOCAL_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);

  private final String fileName;
  private final BufferedReader in;
  private final char delimiter;
  private final Charset charset;
  private final List<String> header;
  private final Map<String, Integer> columnIndex = new HashMap<>();
  private List<String> cells = List.of();
  private long nextCharLine = 1;
  private long recordLine;
  private long records;
  private int peeked = -2;

  private RawCsvReader(
      Path file, Collection<String> requiredColumns, char delimiter, Charset charset)
      throws IOException {
    this.fileName = file.getFileName().toString();
    this.delimiter = delimiter;
    this.charset = charset;
    this.in = RawRecords.open(file, charset);
    try {
      List<String> names = readRecord();
      if (names == null) {
        throw new RawDataException(
            fileName, 1, Optional.empty(), "the file is empty; expected a header row");
      }
      if (!names.isEmpty() && names.getFirst().startsWith("\uFEFF")) {
        names.set(0, names.getFirst().substring(1));
      }
      this.header = List.copyOf(names);
      for (int i = 0; i < header.size(); i++) {
        if (columnIndex.putIfAbsent(header.get(i), i) != null) {
          throw error(header.get(i), "the header names this column twice");
        }
      }
      for (String required : requiredColumns) {
        if (!columnIndex.containsKey(required)) {
          throw error(required, "missing column; the header has " + String.join(", ", header));
        }
      }
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** Opens a file and checks that its header has every required column. */
  static RawCsvReader open(Path file, Collection<String> requiredColumns) throws IOException {
    return open(file, requiredColumns, ',', StandardCharsets.UTF_8);
  }

  /** Opens a file with another separator or character set. */
  static RawCsvReader open(
      Path file, Collection<String> requiredColumns, char delimiter, Charset charset)
      throws IOException {
    return new RawCsvReader(file, requiredColumns, delimiter, charset);
  }

  /** The header's column names, in file order. */
  List<String> header() {
    return header;
  }

  @Override
  public boolean next() throws IOException {
    List<String> record = readDataRecord();
    while (record != null && record.size() == 1 && record.getFirst().isEmpty()) {
      record = readDataRecord();
    }
    if (record == null) {
      return false;
    }
    if (record.size() != header.size()) {
      throw error(
          null, "expected " + header.size() + " cells as in the header, got " + record.size());
    }
    cells = record;
    records++;
    return true;
  }

  @Override
  public long line() {
    return recordLine;
  }

  /** Data records read so far. */
  long records() {
    return records;
  }

  private List<String> readDataRecord() throws IOException {
    try {
      return readRecord();
    } catch (CharacterCodingException e) {
      throw new RawDataException(
          fileName,
          nextCharLine,
          Optional.empty(),
          "not valid " + charset.name() + " text; give the file's encoding with --encoding");
    }
  }

  @Override
  public String text(String column) {
    Integer index = columnIndex.get(column);
    if (index == null) {
      throw new IllegalArgumentException(column + " is not a column of " + fileName);
    }
    return cells.get(index);
  }

  /**
   * A non-negative integer id such as a household, basket or product id, as digits. R's write.csv
   * prints some whole numbers in scientific notation (product "9e+05", basket "4.0128e+10" in the
   * 2017 export); such a cell is read as the whole number it denotes ("900000").
   */
  String numericId(String column) throws RawDataException {
    String value = text(column);
    if (NUMERIC_ID.matcher(value).matches()) {
      return value;
    }
    if (R_SCIENTIFIC.matcher(value).matches()) {
      try {
        return new BigDecimal(value).toBigIntegerExact().toString();
      } catch (ArithmeticException e) {
        // not a whole number; reported below
      }
    }
    throw error(column, "expected a numeric id (digits only), got '" + value + "'");
  }

  long wholeNumber(String column) throws RawDataException {
    String value = text(column);
    if (!WHOLE_NUMBER.matcher(value).matches()) {
      throw error(column, "expected a whole number, got '" + value + "'");
    }
    return Long.parseLong(value);
  }

  BigDecimal decimal(String column) throws RawDataException {
    String value = text(column);
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw error(column, "expected a decimal number such as 3.86, got '" + value + "'");
    }
  }

  LocalDateTime localDateTime(String column) throws RawDataException {
    String value = text(column);
    try {
      return LocalDateTime.parse(value, LOCAL_TIME);
    } catch (DateTimeParseException e) {
      throw error(column, "expected a local time like 2017-03-01 07:30:27, got '" + value + "'");
    }
  }

  @Override
  public RawDataException error(String column, String problem) {
    return new RawDataException(fileName, recordLine, Optional.ofNullable(column), problem);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** One record as its cells, or null at the end of the file. */
  private List<String> readRecord() throws IOException {
    recordLine = nextCharLine;
    int c = read();
    if (c == -1) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean inQuotes = false;
    boolean closedQuote = false;
    while (true) {
      if (inQuotes) {
        if (c == -1) {
          throw quoteError(fields, "a quoted cell is not closed before the end of the file");
        }
        if (c == '"' && peek() == '"') {
          read();
          field.append('"');
        } else if (c == '"') {
          inQuotes = false;
          closedQuote = true;
        } else {
          field.append((char) c);
        }
      } else if (c == delimiter) {
        fields.add(field.toString());
        field.setLength(0);
        closedQuote = false;
      } else if (c == '\n' || c == '\r' || c == -1) {
        if (c == '\r' && peek() == '\n') {
          read();
        }
        fields.add(field.toString());
        return fields;
      } else if (closedQuote) {
        throw quoteError(fields, "expected a separator or a line end after a closing quote");
      } else if (c == '"' && field.isEmpty()) {
        inQuotes = true;
      } else if (c == '"') {
        throw quoteError(fields, "a quote inside an unquoted cell; quote the cell and double it");
      } else {
        field.append((char) c);
      }
      c = read();
    }
  }

  private RawDataException quoteError(List<String> fieldsSoFar, String problem) {
    String column =
        header != null && fieldsSoFar.size() < header.size()
            ? header.get(fieldsSoFar.size())
            : null;
    return error(column, problem);
  }

  private int read() throws IOException {
    int c;
    if (peeked != -2) {
      c = peeked;
      peeked = -2;
    } else {
      c = in.read();
    }
    // A lone CR ends a line too; a CR of a CRLF pair is counted by its LF.
    if (c == '\n' || (c == '\r' && peek() != '\n')) {
      nextCharLine++;
    }
    return c;
  }

  private int peek() throws IOException {
    if (peeked == -2) {
      peeked = in.read();
    }
    return peeked;
  }
}
