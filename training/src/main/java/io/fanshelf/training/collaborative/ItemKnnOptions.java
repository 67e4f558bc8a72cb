package io.fanshelf.training.collaborative;

import static io.fanshelf.training.collaborative.CollaborativeOptions.integer;
import static io.fanshelf.training.collaborative.CollaborativeOptions.number;
import static io.fanshelf.training.collaborative.CollaborativeOptions.require;

import io.fanshelf.recommender.collaborative.ItemNeighbourModel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sparse item-to-item weights for catalogs of any size, in one of two normalisations that Dacrema
 * et al. (2019) found hard to beat when tuned:
 *
 * <ul>
 *   <li>{@code item-knn}: cosine of the products' fan vectors with shrinkage, {@code C_jt /
 *       (sqrt(N_j N_t) + shrinkage)};
 *   <li>{@code rp3beta} (Paudel et al. 2016): the three-step random walk product -> fan -> product,
 *       each transition probability raised to {@code alpha}, divided by the target's popularity to
 *       the power {@code beta}.
 * </ul>
 *
 * @param similarity {@code item-knn} or {@code rp3beta}
 * @param neighbours weights kept per product, 1 to 2,000
 * @param shrinkage cosine only, >= 0
 * @param alpha rp3beta only, in (0, 2]
 * @param beta rp3beta only, in [0, 1]
 */
public record ItemKnnOptions(
    String similarity, int neighbours, double shrinkage, double alpha, double beta)
    implements CollaborativeOptions {
  public static final String COSINE = "item-knn";
  public static final String RP3BETA = "rp3beta";

  public ItemKnnOptions {
    require(
        COSINE.equals(similarity) || RP3BETA.equals(similarity),
        "similarity",
        "item-knn or rp3beta",
        similarity);
    require(neighbours >= 1 && neighbours <= 2_000, "neighbours", "between 1 and 2000", neighbours);
    require(shrinkage >= 0, "shrinkage", ">= 0", shrinkage);
    require(alpha > 0 && alpha <= 2, "alpha", "in (0, 2]", alpha);
    require(beta >= 0 && beta <= 1, "beta", "in [0, 1]", beta);
  }

  public static ItemKnnOptions cosine(int neighbours, double shrinkage) {
    return new ItemKnnOptions(COSINE, neighbours, shrinkage, 1, 0);
  }

  public static ItemKnnOptions rp3beta(int neighbours, double alpha, double beta) {
    return new ItemKnnOptions(RP3BETA, neighbours, 0, alpha, beta);
  }

  @Override
  public String algorithm() {
    return similarity;
  }

  @Override
  public Map<String, Object> hyperParameters() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("neighbours", neighbours);
    if (similarity.equals(COSINE)) {
      values.put("shrinkage", shrinkage);
    } else {
      values.put("alpha", alpha);
      values.put("beta", beta);
    }
    return values;
  }

  static ItemKnnOptions of(String similarity, Map<String, ?> values) {
    return similarity.equals(COSINE)
        ? cosine(integer(values, "neighbours"), number(values, "shrinkage"))
        : rp3beta(integer(values, "neighbours"), number(values, "alpha"), number(values, "beta"));
  }

  @Override
  public ItemNeighbourModel fit(Interactions data) {
    return ItemKnn.fit(data, this);
  }
}
