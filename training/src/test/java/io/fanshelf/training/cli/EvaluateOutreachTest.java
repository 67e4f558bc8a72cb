package io.fanshelf.training.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateOutreachTest {
  @TempDir Path dir;

  /**
   * Four fans, cutoff 2017-03-01: f1 buys weekly (also in the week after), f2 every other week (not
   * in it), f3 once long before and once in it, f4 never.
   */
  @Test
  void ceilingRanksTheFansByEachEstimatorAndCountsWhoBuys() throws Exception {
    Path source = Files.createDirectories(dir.resolve("source"));
    Files.writeString(source.resolve("owners.csv"), "id,name,locale,assortment\nshop-a,A,en,\n");
    Files.writeString(
        source.resolve("catalog.csv"),
        "id,title,category,price,stock,attributes,created_at\n"
            + "p1,Eggs,GROCERY>EGGS,1.09,100,,2016-12-31T00:00:00Z\n");
    StringBuilder fans = new StringBuilder("owner_id,fan_id,joined_at\n");
    for (int i = 1; i <= 4; i++) {
      fans.append("shop-a,f").append(i).append(",2016-12-31T00:00:00Z\n");
    }
    Files.writeString(source.resolve("fans.csv"), fans);
    List<String> events = new ArrayList<>(List.of("id,fan,product,type,time,value"));
    LocalDate first = LocalDate.of(2017, 1, 2);
    for (int week = 0; week < 12; week++) {
      events.add(purchase(events.size(), "f1", first.plusWeeks(week)));
      if (week % 2 == 0) {
        events.add(purchase(events.size(), "f2", first.plusWeeks(week).plusDays(1)));
      }
    }
    events.add(purchase(events.size(), "f3", LocalDate.of(2017, 1, 5)));
    events.add(purchase(events.size(), "f3", LocalDate.of(2017, 3, 2)));
    Files.write(source.resolve("events.csv"), events);

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = System.out;
    int code;
    try {
      System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      code =
          TrainingCli.run(
              "evaluate-outreach",
              "--source",
              source.toString(),
              "--work",
              dir.resolve("work").toString(),
              "--ceiling",
              "--cutoffs",
              "2017-03-01",
              "--size",
              "2");
    } finally {
      System.setOut(out);
    }
    String table = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, table);
    // history: f1 (8 of 8 weeks) and f2 (4 of 8); f1 buys in the week, f2 not
    assertTrue(table.contains("| weeks-8 | 0.500 (1/2) | 1.00x |"), table);
    // with the week itself the oracle still ranks f2's 6 weeks above f3's 2
    assertTrue(
        table.contains("| oracle-all-weeks (oracle, reads the future) | 0.500 (1/2) |"), table);
    assertTrue(table.contains("| all fans | 0.500 (2/4) | 1.00x | | |"), table);
  }

  private static String purchase(int id, String fan, LocalDate day) {
    return "e" + id + "," + fan + ",p1,purchase," + day + "T12:00:00Z,1";
  }
}
