/**
 * The ceiling of "who to message today" on a data set: how well any ranking of an owner's fans by
 * their purchase history can do. Named estimators score each fan at a cutoff (history-only ones
 * read nothing at or after it; the oracles read the whole data and are labelled unattainable), and
 * {@link io.fanshelf.training.outreach.OutreachCeiling} measures each one's top N the way {@code
 * evaluate-outreach} measures the served list.
 */
package io.fanshelf.training.outreach;
