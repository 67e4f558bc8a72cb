package io.fanshelf.indexer.convert;

import io.fanshelf.indexer.convert.AttributeDimension.Value;
import io.fanshelf.indexer.taxonomy.LocalizedName;
import io.fanshelf.indexer.taxonomy.Visibility;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MovieLens files: ratings ({@link RatingsFile}: u.data, ratings.dat or ratings.csv), movies
 * (u.item, movies.dat or movies.csv: title and genres become the product's title, category (the
 * first genre), and attributes {@code genre} (all) and {@code year}), and users (u.user or
 * users.dat: age, gender and occupation become labels). The layout is told by the file name and
 * first line. The 100K and 1M files are ISO-8859-1, the CSVs UTF-8, unless an encoding is given.
 * Immutable.
 *
 * @param items u.item, movies.dat or movies.csv, if any
 * @param users u.user or users.dat, if any
 * @param encoding the character set of all files; empty for each layout's own
 */
public record MovieLensSource(
    Path ratings, Optional<Path> items, Optional<Path> users, Optional<Charset> encoding)
    implements InteractionConverter.Source {

  public MovieLensSource {
    Objects.requireNonNull(ratings, "ratings");
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(encoding, "encoding");
  }

  static final String DOMAIN = "movies";

  /** The genre flags of u.item, in column order. */
  static final List<String> U_ITEM_GENRES =
      List.of(
          "unknown",
          "Action",
          "Adventure",
          "Animation",
          "Children's",
          "Comedy",
          "Crime",
          "Documentary",
          "Drama",
          "Fantasy",
          "Film-Noir",
          "Horror",
          "Musical",
          "Mystery",
          "Romance",
          "Sci-Fi",
          "Thriller",
          "War",
          "Western");

  private static final Pattern TITLE_YEAR = Pattern.compile("\\((\\d{4})\\)\\s*$");
  private static final String NO_GENRES = "(no genres listed)";

  @Override
  public String interactionsFile() {
    return ratings.getFileName().toString();
  }

  @Override
  public void readInteractions(InteractionConverter.Sink sink) throws IOException {
    new RatingsFile(ratings, encoding.orElse(StandardCharsets.ISO_8859_1)).read(sink);
  }

  @Override
  public void readItems(ItemMetadata into) throws IOException {
    if (items.isEmpty()) {
      return;
    }
    Path file = items.get();
    String name = file.getFileName().toString();
    if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
      try (RawCsvReader rows =
          RawCsvReader.open(
              file,
              List.of("movieId", "title", "genres"),
              ',',
              encoding.orElse(StandardCharsets.UTF_8))) {
        while (rows.next()) {
          addMovie(into, rows, "movieId", genres(rows.text("genres")));
        }
      }
      return;
    }
    Charset charset = encoding.orElse(StandardCharsets.ISO_8859_1);
    if (RatingsFile.firstLine(file, charset).contains("::")) {
      try (SeparatedLines rows =
          SeparatedLines.open(file, "::", charset, List.of("id", "title", "genres"))) {
        while (rows.next()) {
          addMovie(into, rows, "id", genres(rows.text("genres")));
        }
      }
      return;
    }
    List<String> columns =
        new ArrayList<>(List.of("id", "title", "release_date", "video_release_date", "url"));
    columns.addAll(U_ITEM_GENRES);
    try (SeparatedLines rows = SeparatedLines.open(file, "|", charset, columns)) {
      while (rows.next()) {
        List<String> genres = new ArrayList<>();
        for (String genre : U_ITEM_GENRES) {
          String flag = rows.text(genre).strip();
          if (!flag.equals("0") && !flag.equals("1")) {
            throw rows.error(genre, "expected a genre flag 0 or 1, got '" + flag + "'");
          }
          if (flag.equals("1") && !genre.equals("unknown")) {
            genres.add(genre);
          }
        }
        addMovie(into, rows, "id", genres);
      }
    }
  }

  private static List<String> genres(String cell) {
    return Arrays.stream(cell.split("\\|"))
        .map(String::strip)
        .filter(g -> !g.isEmpty() && !g.equals(NO_GENRES))
        .toList();
  }

  private static void addMovie(
      ItemMetadata into, RawRecords rows, String idColumn, List<String> genres)
      throws RawDataException {
    String id = rows.required(idColumn);
    String title = rows.text("title").strip();
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    attributes.put("genre", genres);
    Matcher year = TITLE_YEAR.matcher(title);
    if (year.find()) {
      attributes.put("year", List.of(year.group(1)));
    }
    ItemInfo info =
        ItemInfo.of(
            id,
            title,
            genres.isEmpty() ? List.of() : List.of(genres.getFirst()),
            "",
            0,
            attributes);
    if (!into.add(id, info)) {
      throw rows.error(idColumn, "movie " + id + " is listed twice");
    }
  }

  @Override
  public FanAttributes readUsers(Function<String, Optional<String>> fanId) throws IOException {
    if (users.isEmpty()) {
      return FanAttributes.none();
    }
    Path file = users.get();
    Charset charset = encoding.orElse(StandardCharsets.ISO_8859_1);
    boolean oneMillion = RatingsFile.firstLine(file, charset).contains("::");
    FanAttributes attributes =
        new FanAttributes(
            List.of(
                new FanAttributes.Column(
                    "age",
                    oneMillion
                        ? OneMillionUsers.AGE
                        : AttributeDimension.ageBands("age", DOMAIN, Visibility.DISPLAYABLE)),
                new FanAttributes.Column("gender", gender()),
                new FanAttributes.Column(
                    "occupation", oneMillion ? OneMillionUsers.OCCUPATION : hundredKOccupation())));
    List<String> columns =
        oneMillion
            ? List.of("user", "gender", "age", "occupation", "zip")
            : List.of("user", "age", "gender", "occupation", "zip");
    try (SeparatedLines rows =
        SeparatedLines.open(file, oneMillion ? "::" : "|", charset, columns)) {
      while (rows.next()) {
        attributes.add(rows, "user", fanId);
      }
    }
    return attributes;
  }

  /** Private: a fan-facing reason "for women" is not the owner's to show. */
  static AttributeDimension gender() {
    return AttributeDimension.fixed(
        "gender",
        DOMAIN,
        new LocalizedName("性别", "Gender"),
        Visibility.PRIVATE,
        List.of(new Value("female", "女", "Female"), new Value("male", "男", "Male")),
        raw ->
            switch (raw.strip()) {
              case "F", "f" -> Optional.of("female");
              case "M", "m" -> Optional.of("male");
              default -> Optional.empty();
            },
        "F or M");
  }

  /** u.user's occupations, private (an owner's knowledge, not a reason to show a fan). */
  static AttributeDimension hundredKOccupation() {
    return AttributeDimension.open(
        "occupation",
        DOMAIN,
        new LocalizedName("职业", "Occupation"),
        Visibility.PRIVATE,
        Map.ofEntries(
            Map.entry("administrator", "行政人员"),
            Map.entry("artist", "艺术家"),
            Map.entry("doctor", "医生"),
            Map.entry("educator", "教育工作者"),
            Map.entry("engineer", "工程师"),
            Map.entry("entertainment", "娱乐从业者"),
            Map.entry("executive", "企业管理者"),
            Map.entry("healthcare", "医疗从业者"),
            Map.entry("homemaker", "全职主妇/主夫"),
            Map.entry("lawyer", "律师"),
            Map.entry("librarian", "图书管理员"),
            Map.entry("marketing", "市场营销"),
            Map.entry("none", "无业"),
            Map.entry("other", "其他"),
            Map.entry("programmer", "程序员"),
            Map.entry("retired", "退休"),
            Map.entry("salesman", "销售"),
            Map.entry("scientist", "科学家"),
            Map.entry("student", "学生"),
            Map.entry("technician", "技术员"),
            Map.entry("writer", "作家")));
  }
}
