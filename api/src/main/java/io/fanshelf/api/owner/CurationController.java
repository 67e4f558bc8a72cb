package io.fanshelf.api.owner;

import io.fanshelf.api.auth.CurrentOwner;
import io.fanshelf.api.auth.OwnerOnly;
import io.fanshelf.api.system.ApiContract;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.api.system.Params;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.rules.Curation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in owner's pins (shown first on every shelf) and blocks (never shown). */
@RestController
@Tag(name = ApiContract.CURATION)
@RequestMapping("/api/v1/owner/curation")
@OwnerOnly
public class CurationController {
  private final CurationStore curation;
  private final Indexer indexer;
  private final ApplicationEventPublisher events;

  public CurationController(
      CurationStore curation, Indexer indexer, ApplicationEventPublisher events) {
    this.curation = curation;
    this.indexer = indexer;
    this.events = events;
  }

  /**
   * A pinned or blocked product.
   *
   * @param id the product id
   * @param title its title ("?" when it left the catalog)
   * @param priceCents its price in cents (0 when it left the catalog)
   */
  public record ProductRef(String id, String title, long priceCents) {}

  /**
   * The owner's pins and blocks.
   *
   * @param pins pinned products, in the order they lead every shelf
   * @param blocks blocked products, by id
   */
  public record CurationView(List<ProductRef> pins, List<ProductRef> blocks) {}

  /** The owner's pins and blocks. */
  @GetMapping
  public CurationView getCuration(@CurrentOwner OwnerId owner) throws IOException {
    Curation current = curation.forOwner(owner);
    return new CurationView(
        refs(current.pins()), refs(current.blocks().stream().sorted().toList()));
  }

  /**
   * Pins a product: it leads every shelf of the owner while in stock.
   *
   * @param product a product of the catalog
   */
  @PutMapping("/pins/{product}")
  public CurationView pinProduct(
      @CurrentOwner OwnerId owner, @PathVariable("product") String product) throws IOException {
    curation.pin(owner, existing(product));
    return changed(owner);
  }

  /**
   * Unpins a product.
   *
   * @param product a pinned product
   */
  @DeleteMapping("/pins/{product}")
  public CurationView unpinProduct(
      @CurrentOwner OwnerId owner, @PathVariable("product") String product) throws IOException {
    if (!curation.unpin(owner, Params.product("product", product))) {
      throw ApiException.notFound("product '" + product + "' is not pinned");
    }
    return changed(owner);
  }

  /**
   * Blocks a product: it is never shown on the owner's shelves or recommendations.
   *
   * @param product a product of the catalog
   */
  @PutMapping("/blocks/{product}")
  public CurationView blockProduct(
      @CurrentOwner OwnerId owner, @PathVariable("product") String product) throws IOException {
    curation.block(owner, existing(product));
    return changed(owner);
  }

  /**
   * Unblocks a product.
   *
   * @param product a blocked product
   */
  @DeleteMapping("/blocks/{product}")
  public CurationView unblockProduct(
      @CurrentOwner OwnerId owner, @PathVariable("product") String product) throws IOException {
    if (!curation.unblock(owner, Params.product("product", product))) {
      throw ApiException.notFound("product '" + product + "' is not blocked");
    }
    return changed(owner);
  }

  private CurationView changed(OwnerId owner) throws IOException {
    events.publishEvent(new OwnerDataChanged(owner, Optional.empty()));
    return getCuration(owner);
  }

  private ProductId existing(String product) throws IOException {
    ProductId id = Params.product("product", product);
    if (indexer.store().catalog().get(id).isEmpty()) {
      throw ApiException.notFound("no product '" + product + "' in the catalog");
    }
    return id;
  }

  private List<ProductRef> refs(List<ProductId> ids) throws IOException {
    List<ProductRef> refs = new ArrayList<>();
    for (ProductId id : ids) {
      Optional<Product> product = indexer.store().catalog().get(id);
      refs.add(
          new ProductRef(
              id.value(),
              product.map(Product::title).orElse("?"),
              product.map(Product::priceCents).orElse(0L)));
    }
    return refs;
  }
}
