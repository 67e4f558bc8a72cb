package io.fanshelf.api.owner;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fanshelf.api.ApiTestBase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

class LabelControllerTest extends ApiTestBase {

  @Test
  void bulkLabelsFansByIdAllOrNone() throws Exception {
    String mu = owner(MU);
    mvc.perform(
            post("/api/v1/owner/labels/bulk")
                .header("Authorization", mu)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"fans\": [\"fan-0008\", \"fan-0002\"], \"dimension\": \"home_style\","
                        + " \"values\": [\"value\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].line").value(2))
        .andExpect(jsonPath("$.errors[0].message").value("no fan 'fan-0002' among your fans"));
    mvc.perform(get("/api/v1/owner/fans/fan-0008").header("Authorization", mu))
        .andExpect(jsonPath("$.labels.home_style").doesNotExist());
    mvc.perform(
            post("/api/v1/owner/labels/bulk")
                .header("Authorization", mu)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"fans\": [\"fan-0008\"], \"dimension\": \"home_style\","
                        + " \"values\": [\"性价比\", \"Good looks\"]}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.changed").value(1));
    mvc.perform(get("/api/v1/owner/fans/fan-0008").header("Authorization", mu))
        .andExpect(jsonPath("$.labels.home_style.values.length()").value(2));
    mvc.perform(
            post("/api/v1/owner/labels/bulk")
                .header("Authorization", mu)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"fans\": [\"fan-0008\"], \"dimension\": \"home_style\", \"remove\": true}"))
        .andExpect(jsonPath("$.changed").value(1));
  }

  @Test
  void bulkNeedsFansOrASegment() throws Exception {
    mvc.perform(
            post("/api/v1/owner/labels/bulk")
                .header("Authorization", owner(MU))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"dimension\": \"home_style\", \"values\": [\"value\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("fans"));
  }

  @Test
  void aDryRunShowsEveryErrorAndAppliesNothing() throws Exception {
    String sheet =
        "fan_id,skin_type,price_sensitivity\n"
            + "fan-0005,olly,\n"
            + "fan-0006,dry,very\n"
            + "fan-0004,oily,\n"
            + "fan-0004,dry,\n";
    String lily = owner(LILY);
    mvc.perform(
            multipart("/api/v1/owner/labels/import")
                .file(file("labels.csv", sheet))
                .header("Authorization", lily))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.valid").value(false))
        .andExpect(jsonPath("$.applied").value(false))
        .andExpect(jsonPath("$.totalErrors").value(3))
        .andExpect(jsonPath("$.errors[0].line").value(2))
        .andExpect(jsonPath("$.errors[0].field").value("skin_type"))
        .andExpect(jsonPath("$.errors[1].field").value("price_sensitivity"))
        .andExpect(jsonPath("$.errors[2].message").value(containsString("duplicate")));
    mvc.perform(
            multipart("/api/v1/owner/labels/import")
                .file(file("labels.csv", sheet))
                .param("dryRun", "false")
                .header("Authorization", lily))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors.length()").value(3));
  }

  @Test
  void previewsThenAppliesAValidSheet() throws Exception {
    String sheet =
        "\uFEFFowner_id,fan_id,home_style,price_sensitivity\n,fan-0007,颜值,适中\n,fan-0107,value,\n";
    String lily = owner(LILY);
    mvc.perform(
            multipart("/api/v1/owner/labels/import")
                .file(file("my labels.csv", sheet))
                .header("Authorization", lily))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.valid").value(true))
        .andExpect(jsonPath("$.file").value("my_labels.csv"))
        .andExpect(jsonPath("$.fans").value(2))
        .andExpect(jsonPath("$.newFans").value(1))
        .andExpect(jsonPath("$.changes[0].fan").value("fan-0007"))
        .andExpect(jsonPath("$.changes[0].after[0]").value("looks"));
    mvc.perform(get("/api/v1/owner/fans/fan-0107").header("Authorization", lily))
        .andExpect(status().isNotFound());
    mvc.perform(
            multipart("/api/v1/owner/labels/import")
                .file(file("labels.csv", sheet))
                .param("dryRun", "false")
                .header("Authorization", lily))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.applied").value(true));
    mvc.perform(get("/api/v1/owner/fans/fan-0107").header("Authorization", lily))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.labels.home_style.source").value("import"));
  }

  @Test
  void aSheetCannotLabelAnotherOwnersFans() throws Exception {
    String sheet = "owner_id,fan_id,skin_type\nshop-mu,fan-0008,dry\n";
    mvc.perform(
            multipart("/api/v1/owner/labels/import")
                .file(file("labels.csv", sheet))
                .param("dryRun", "false")
                .header("Authorization", owner(LILY)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("owner_id"))
        .andExpect(
            jsonPath("$.errors[0].message").value(containsString("only label your own fans")));
  }

  @Test
  void anUploadMustBeACsvFile() throws Exception {
    mvc.perform(
            multipart("/api/v1/owner/labels/import")
                .file(file("labels.xlsx", "x"))
                .header("Authorization", owner(LILY)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("file"));
  }

  @Test
  void anUploadWhoseNameCannotBeAFileNameIsABadRequestNamingThePart() throws Exception {
    String sheet = "fan_id,skin_type\nfan-0005,dry\n";
    String lily = owner(LILY);
    mvc.perform(
            multipart("/api/v1/owner/labels/import")
                .file(file("labels\0.csv", sheet))
                .header("Authorization", lily))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("file"))
        .andExpect(jsonPath("$.detail").value(containsString("NUL")));
    mvc.perform(
            multipart("/api/v1/owner/labels/import")
                .file(file("l".repeat(296) + ".csv", sheet))
                .header("Authorization", lily))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("file"))
        .andExpect(jsonPath("$.detail").value(containsString("300 bytes")));
  }

  @Test
  void aGzFileThatIsNotGzipOrIsCutOffIsRefusedNamingTheFile() throws Exception {
    byte[] sheet = "fan_id,skin_type\nfan-0005,dry\n".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
      out.write(sheet);
    }
    refusesGzUpload(sheet, "not a gzip file");
    refusesGzUpload(
        Arrays.copyOf(gzipped.toByteArray(), gzipped.size() - 10), "the gzip data is cut off");
  }

  private void refusesGzUpload(byte[] content, String expected) throws Exception {
    mvc.perform(
            multipart("/api/v1/owner/labels/import")
                .file(new MockMultipartFile("file", "labels.csv.gz", "application/gzip", content))
                .param("dryRun", "false")
                .header("Authorization", owner(LILY)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].file").value("labels.csv.gz"))
        .andExpect(jsonPath("$.errors[0].message").value(startsWith(expected)));
  }

  private static MockMultipartFile file(String name, String content) {
    return new MockMultipartFile(
        "file", name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
  }
}
