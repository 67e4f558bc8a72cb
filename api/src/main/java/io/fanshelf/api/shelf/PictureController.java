package io.fanshelf.api.shelf;

import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

/**
 * {@code GET /pictures/{product}.svg}: the picture {@link ProductPictures} draws for a catalog
 * product, public like the fan page that shows it. Cached by browsers for a day and revalidated by
 * ETag, so a shelf of 30 cards costs the server nothing on a second visit.
 */
@Controller
public class PictureController {
  private static final MediaType SVG = new MediaType("image", "svg+xml", StandardCharsets.UTF_8);
  private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

  private final Indexer indexer;

  public PictureController(Indexer indexer) {
    this.indexer = indexer;
  }

  @GetMapping("/pictures/{product}.svg")
  public ResponseEntity<String> picture(@PathVariable("product") String product, WebRequest request)
      throws IOException {
    Optional<Product> found;
    try {
      found = indexer.store().catalog().get(ProductId.of(product));
    } catch (IllegalArgumentException e) {
      found = Optional.empty();
    }
    if (found.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .cacheControl(CacheControl.noStore())
          .build();
    }
    String svg = ProductPictures.svg(found.get());
    String etag = "\"" + sha256(svg) + "\"";
    if (request.checkNotModified(etag)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CACHE).build();
    }
    return ResponseEntity.ok().contentType(SVG).eTag(etag).cacheControl(CACHE).body(svg);
  }

  private static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
