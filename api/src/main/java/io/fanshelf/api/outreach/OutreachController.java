package io.fanshelf.api.outreach;

import io.fanshelf.api.auth.CurrentOwner;
import io.fanshelf.api.auth.OwnerOnly;
import io.fanshelf.api.system.ApiContract;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Who the signed-in owner should message today, the messages, and marking them sent. */
@RestController
@Tag(name = ApiContract.OUTREACH)
@RequestMapping("/api/v1/owner/outreach")
@OwnerOnly
class OutreachController {
  private final OutreachService outreach;

  OutreachController(OutreachService outreach) {
    this.outreach = outreach;
  }

  /**
   * The day's list: the owner's fans worth a message, best first (by expected commission), each
   * with the reason and its evidence, the product, a ready-to-paste message and its link. At most
   * the daily budget; fans the owner opted out, and fans messaged within the cap's days, are left
   * out. Drawing the list makes a share link for a listed fan who has none.
   *
   * @param date the UTC day, YYYY-MM-DD, today when absent; not in the future
   * @param lang the language of the messages and reasons: zh-CN (default) or en
   */
  @GetMapping
  public OutreachService.Day getOutreach(
      @CurrentOwner OwnerId owner,
      @Parameter(schema = @Schema(type = "string", format = "date"))
          @RequestParam(name = "date", required = false)
          String date,
      @Parameter(
              schema =
                  @Schema(
                      type = "string",
                      allowableValues = {"zh-CN", "en"}))
          @RequestParam(name = "lang", defaultValue = "zh-CN")
          String lang)
      throws IOException {
    return outreach.day(owner, outreach.date(date), lang);
  }

  /**
   * The day's list as CSV (UTF-8 with a byte order mark, for spreadsheet programs): rank, fan_id,
   * nickname, reason, why, product_id, product_title, price, expected_commission, link, message,
   * sent.
   *
   * @param date the UTC day, YYYY-MM-DD, today when absent
   * @param lang the language of the messages and reasons: zh-CN (default) or en
   */
  @GetMapping(path = "/export.csv", produces = "text/csv")
  @ApiResponse(
      responseCode = "200",
      description = "the CSV file (UTF-8, as an attachment)",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  public ResponseEntity<byte[]> exportOutreach(
      @CurrentOwner OwnerId owner,
      @Parameter(schema = @Schema(type = "string", format = "date"))
          @RequestParam(name = "date", required = false)
          String date,
      @Parameter(
              schema =
                  @Schema(
                      type = "string",
                      allowableValues = {"zh-CN", "en"}))
          @RequestParam(name = "lang", defaultValue = "zh-CN")
          String lang)
      throws IOException {
    OutreachService.Day day = outreach.day(owner, outreach.date(date), lang);
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"outreach-" + day.date() + ".csv\"")
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(OutreachCsv.of(day).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Marking sent.
   *
   * @param date the UTC day of the list the messages came from, today when absent
   * @param messages the messages sent
   */
  public record MarkSent(String date, List<OutreachService.SentMessage> messages) {}

  /**
   * Marks messages as sent: each becomes a share event attributed to the owner (source {@code
   * outreach}), one per fan and day, so the funnel counts it and the fan is not listed again within
   * the cap's days. All or nothing.
   */
  @PostMapping("/sent")
  public OutreachService.Marked markOutreachSent(
      @CurrentOwner OwnerId owner, @RequestBody MarkSent body) throws IOException {
    if (body == null) {
      throw ApiException.badRequest("body", "expected {date, messages}, got nothing");
    }
    LocalDate date = outreach.date(body.date());
    return outreach.markSent(owner, date, body.messages());
  }

  /** The fans the owner opted out of the list, by id. */
  @GetMapping("/opt-outs")
  public List<String> getOutreachOptOuts(@CurrentOwner OwnerId owner) {
    return outreach.optedOut(owner);
  }

  /**
   * Opts a fan out: never listed again until opted back in.
   *
   * @param fan the fan id
   */
  @PutMapping("/opt-outs/{fan}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void optOutOfOutreach(@CurrentOwner OwnerId owner, @PathVariable("fan") String fan)
      throws IOException {
    outreach.optOut(owner, fanId(fan), true);
  }

  /**
   * Opts a fan back in.
   *
   * @param fan the fan id
   */
  @DeleteMapping("/opt-outs/{fan}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void optBackIntoOutreach(@CurrentOwner OwnerId owner, @PathVariable("fan") String fan)
      throws IOException {
    outreach.optOut(owner, fanId(fan), false);
  }

  /**
   * The message templates in use, by reason, then language (zh-CN, en): the owner's own or the
   * built-in ones. Placeholders: {name}, {product}, {price}, {oldPrice}, {link}.
   */
  @GetMapping("/templates")
  public Map<String, Map<String, String>> getOutreachTemplates(@CurrentOwner OwnerId owner) {
    return outreach.templates(owner);
  }

  /**
   * Sets templates, by reason, then language; an empty text goes back to the built-in one. Every
   * template must contain {link} and no other placeholder than {name}, {product}, {price},
   * {oldPrice} and {link}, at most 500 characters. All or nothing; answers the templates in use.
   */
  @PutMapping("/templates")
  public Map<String, Map<String, String>> setOutreachTemplates(
      @CurrentOwner OwnerId owner, @RequestBody Map<String, Map<String, String>> templates)
      throws IOException {
    return outreach.setTemplates(owner, templates);
  }

  private static FanId fanId(String fan) {
    try {
      return FanId.of(fan);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("fan", e.getMessage());
    }
  }
}
