/**
 * The implicit factorisation on Spark MLlib, for event logs one machine cannot hold: {@link
 * io.fanshelf.sparkals.SparkAls} reads the event files FanShelf imports, turns them into the same
 * positive-feedback matrix the in-JVM training builds, fits Spark's implicit ALS and writes the
 * product vectors as FanShelf's own {@link io.fanshelf.recommender.collaborative.FactorModel}, so
 * serving folds fans in at request time as it does for the in-JVM fit.
 */
package io.fanshelf.sparkals;
