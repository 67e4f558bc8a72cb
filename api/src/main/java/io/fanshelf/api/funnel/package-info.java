/**
 * The shelf funnel: per owner and segment, over a period, fans who held a share link, opened it,
 * clicked a product, carted and bought, with the attributed revenue and commission. {@link
 * FunnelLedger} keeps the attributed counts per UTC day and fan in memory (counted once from the
 * event log, then as events are stored), so a period is summed without reading the log; the rules
 * of attribution are on {@link FunnelLedger}.
 */
package io.fanshelf.api.funnel;
