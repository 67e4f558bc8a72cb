/**
 * The owner console: server-rendered pages in zh-CN and en (Thymeleaf, no CDN; scripts only add
 * copy buttons, select-all and the charts) over the same services as the owner REST API: fans with
 * search, filters, sorting, numbered pages and bulk tagging, the label spreadsheet with its
 * template and preview, segments, pins and blocks, share links with copy buttons and QR codes on
 * demand, the statistics and the shelf funnel with charts drawn by Chart.js ({@link ConsoleChart}).
 * Changes that cannot be undone in one click ask on a confirmation page first.
 */
package io.fanshelf.api.console;
