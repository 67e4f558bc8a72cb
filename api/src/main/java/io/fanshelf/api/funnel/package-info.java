/**
 * The shelf funnel: per owner and segment, over a period, fans who held a share link, opened it,
 * clicked a product, carted and bought, with the attributed revenue and commission. {@link
 * FunnelLedger} keeps the attributed counts per UTC day and fan in memory (counted with the owner
 * statistics, from the event log or a snapshot, then as events are stored: on this node, or on any
 * node through the statistics feed), so a period is summed without reading the log; the rules of
 * attribution are on {@link FunnelLedger}.
 */
package io.fanshelf.api.funnel;
