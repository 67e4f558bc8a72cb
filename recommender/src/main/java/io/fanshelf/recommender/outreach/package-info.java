/**
 * Who an owner should message today: for each of the owner's fans the best reason to write now (an
 * item they looked at is back in stock or cheaper, a consumable is due from their own interval, a
 * new arrival their shelf ranks high, a shelf that changed since they last opened it, a buyer who
 * stopped coming), valued by the commission it may bring, and the day's list under a frequency cap
 * and a budget; and the owner's chat groups ranked by what their listed fans are worth together.
 * The products come from the fan's ranked shelf ({@link io.fanshelf.recommender.Recommender});
 * nothing here ranks products a second way.
 */
package io.fanshelf.recommender.outreach;
