#!/usr/bin/env bash
# MovieLens "latest small" as Debian's r-cran-dslabs ships it (100,004 ratings with timestamps by
# 671 users on 9,066 movies, 1995-2016, with titles, years and genres; no user attributes), converted
# into FanShelf import files. The data stay outside the repository: see docs/datasets.md.
#
# Usage: scripts/datasets/movielens-dslabs.sh OUT_DIR [convert-movielens options, e.g. --owners 3]
# Then:  java -jar indexer/target/fanshelf-indexer.jar import --data DATA_DIR --dir OUT_DIR
. "$(dirname "$0")/common.sh"
out=${1:?usage: $0 OUT_DIR [convert-movielens options]}
shift
need_rscript
package=$(fetch_deb r-cran-dslabs)
# The package's data are an R lazy-load database; read it without installing the package (which
# would pull ggplot2) and write MovieLens' own ratings.csv / movies.csv layout.
Rscript --vanilla - "$package/usr/lib/R/site-library/dslabs/data/Rdata" "$work/raw" <<'R'
args <- commandArgs(trailingOnly = TRUE)
data <- new.env()
invisible(lazyLoad(args[1], envir = data))
m <- get("movielens", envir = data)
dir.create(args[2])
write.csv(m[, c("userId", "movieId", "rating", "timestamp")], file.path(args[2], "ratings.csv"),
          row.names = FALSE, quote = FALSE)
movies <- unique(m[, c("movieId", "title", "year", "genres")])
if (anyDuplicated(movies$movieId)) stop("a movie id with two titles")
# MovieLens writes the year into the title, "Dumbo (1941)"; dslabs keeps it apart.
movies$title <- ifelse(is.na(movies$year), movies$title, paste0(movies$title, " (", movies$year, ")"))
movies <- movies[order(movies$movieId), c("movieId", "title", "genres")]
write.csv(movies, file.path(args[2], "movies.csv"), row.names = FALSE, fileEncoding = "UTF-8")
cat(sprintf("dslabs movielens: %d ratings, %d users, %d movies\n",
            nrow(m), length(unique(m$userId)), nrow(movies)))
R
"$java" -jar "$indexer" convert-movielens --ratings "$work/raw/ratings.csv" \
  --items "$work/raw/movies.csv" --out "$out" "$@"
