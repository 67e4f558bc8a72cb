package io.fanshelf.api.console;

import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.indexer.model.Fan;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.Owner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts a generated shop into a running service the way an operator does: its owner and fans through
 * the Indexer's import, its labels through the Indexer's label door (tests hold no store writer).
 */
final class ShopImport {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ShopImport() {}

  static void shop(Indexer indexer, Owner owner, List<Fan> fans, List<Label> labels)
      throws Exception {
    Path dir = Files.createTempDirectory("shop-import");
    Map<String, Object> ownerRow = new LinkedHashMap<>();
    ownerRow.put("id", owner.id().value());
    ownerRow.put("name", owner.name());
    ownerRow.put("locale", owner.locale().toLanguageTag());
    Path owners = dir.resolve("owners.jsonl");
    Files.writeString(owners, JSON.writeValueAsString(ownerRow) + "\n");
    StringBuilder fanRows = new StringBuilder();
    for (Fan fan : fans) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("owner_id", fan.owner().value());
      row.put("fan_id", fan.id().value());
      fan.nickname().ifPresent(n -> row.put("nickname", n));
      row.put("joined_at", fan.joinedAt().toString());
      fanRows.append(JSON.writeValueAsString(row)).append('\n');
    }
    Path fanFile = dir.resolve("fans.jsonl");
    Files.writeString(fanFile, fanRows);
    indexer.importFiles(
        new ImportRequest(
            Optional.empty(),
            Optional.of(owners),
            Optional.empty(),
            Optional.of(fanFile),
            Optional.empty(),
            Optional.empty()),
        ImportListener.NONE);
    if (!labels.isEmpty()) {
      indexer.changeLabels(labels, List.of());
    }
  }
}
