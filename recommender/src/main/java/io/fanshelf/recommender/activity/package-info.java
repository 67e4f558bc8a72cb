/**
 * The fan's history as ranking reads it: where the stored history is read from ({@link
 * io.fanshelf.recommender.activity.StoredHistory}), and what fans did a moment ago, visible to
 * ranking before the event store has indexed it ({@link
 * io.fanshelf.recommender.activity.RecentActivity}).
 */
package io.fanshelf.recommender.activity;
