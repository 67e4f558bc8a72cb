package io.fanshelf.api.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class JsonFileTest {
  @TempDir Path dir;

  record Item(String name, int count) {}

  private JsonFile<List<Item>> file() {
    JsonMapper mapper = JsonMapper.builder().build();
    return new JsonFile<>(
        dir.resolve("sub/items.json"),
        mapper,
        mapper.getTypeFactory().constructCollectionType(List.class, Item.class),
        List::of);
  }

  @Test
  void readsEmptyBeforeTheFirstWrite() throws Exception {
    Assertions.assertEquals(List.of(), file().read());
  }

  @Test
  void replacesTheDocumentAtomicallyAndLeavesNoTemporaryFile() throws Exception {
    file().write(List.of(new Item("a", 1)));
    file().write(List.of(new Item("b", 2), new Item("c", 3)));
    Assertions.assertEquals(List.of(new Item("b", 2), new Item("c", 3)), file().read());
    try (var files = Files.list(dir.resolve("sub"))) {
      Assertions.assertEquals(
          List.of("items.json"), files.map(p -> p.getFileName().toString()).toList());
    }
    file().delete();
    Assertions.assertEquals(List.of(), file().read());
  }
}
