/**
 * Label suggestions for owners: {@link io.fanshelf.api.suggest.SuggestionService} keeps a model
 * fitted by the training module's {@code LabelSuggester} and lists, for the signed-in owner's fans
 * only, the labels they probably have; the owner accepts (stored through {@code
 * Indexer.changeLabels} with source {@code suggested}) or rejects them (remembered in a file, never
 * suggested again). Nothing is applied without the owner's action.
 */
package io.fanshelf.api.suggest;
