/**
 * The FanShelf service, the only module that knows Spring. One package per feature: {@code event}
 * (apps send events), {@code recommend} (apps ask for recommendations), {@code owner} (an owner's
 * fans, labels, segments, pins and statistics), {@code shelf} (share links and the fan page),
 * {@code console} (the owner's web UI), {@code admin} (API keys, imports), {@code auth} (who may do
 * what), {@code system} (configuration, errors, health, metrics) and {@code demo}.
 */
package io.fanshelf.api;
