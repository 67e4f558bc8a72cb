package io.fanshelf.api.owner;

import io.fanshelf.api.auth.CurrentOwner;
import io.fanshelf.api.auth.OwnerOnly;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.api.system.Params;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.rules.Curation;
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

  /** A pinned or blocked product. */
  public record ProductRef(String id, String title, long priceCents) {}

  public record CurationView(List<ProductRef> pins, List<ProductRef> blocks) {}

  @GetMapping
  public CurationView get(@CurrentOwner OwnerId owner) throws IOException {
    Curation current = curation.forOwner(owner);
    return new CurationView(
        refs(current.pins()), refs(current.blocks().stream().sorted().toList()));
  }

  @PutMapping("/pins/{product}")
  public CurationView pin(@CurrentOwner OwnerId owner, @PathVariable("product") String product)
      throws IOException {
    curation.pin(owner, existing(product));
    return changed(owner);
  }

  @DeleteMapping("/pins/{product}")
  public CurationView unpin(@CurrentOwner OwnerId owner, @PathVariable("product") String product)
      throws IOException {
    if (!curation.unpin(owner, Params.product("product", product))) {
      throw ApiException.notFound("product '" + product + "' is not pinned");
    }
    return changed(owner);
  }

  @PutMapping("/blocks/{product}")
  public CurationView block(@CurrentOwner OwnerId owner, @PathVariable("product") String product)
      throws IOException {
    curation.block(owner, existing(product));
    return changed(owner);
  }

  @DeleteMapping("/blocks/{product}")
  public CurationView unblock(@CurrentOwner OwnerId owner, @PathVariable("product") String product)
      throws IOException {
    if (!curation.unblock(owner, Params.product("product", product))) {
      throw ApiException.notFound("product '" + product + "' is not blocked");
    }
    return changed(owner);
  }

  private CurationView changed(OwnerId owner) throws IOException {
    events.publishEvent(new OwnerDataChanged(owner, Optional.empty()));
    return get(owner);
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
