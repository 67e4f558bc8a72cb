/**
 * Benchmarks: JMH micro-benchmarks and whole-pipeline load generators, outside the default build.
 * Each one prints the machine, the command and a baseline measured in the same run, and its results
 * go to docs/benchmarks.md.
 */
package io.fanshelf.benchmarks;
