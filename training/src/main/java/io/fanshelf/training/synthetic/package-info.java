/**
 * Generated data sets in FanShelf's import formats, with structure a ranker can learn, for tests
 * and the {@code bench} command.
 */
package io.fanshelf.training.synthetic;
