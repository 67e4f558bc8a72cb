/** What fans did a moment ago, visible to ranking before the event store has indexed it. */
package io.fanshelf.recommender.activity;
