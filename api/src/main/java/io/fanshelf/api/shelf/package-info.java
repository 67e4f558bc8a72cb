/**
 * Share links and the fan page. A link carries 256 random bits and nothing else; opening it ranks
 * the fan's shelf (cached briefly), renders it server-side in zh-CN or en, and records impressions;
 * a click is recorded before the fan goes on to buy with the owner's attribution.
 */
package io.fanshelf.api.shelf;
