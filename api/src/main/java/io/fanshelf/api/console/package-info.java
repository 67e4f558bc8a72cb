/**
 * The owner console: server-rendered pages in zh-CN and en (Thymeleaf, no CDN, a few lines of
 * script at most) over the same services as the owner REST API: fans with search, filters, sorting,
 * numbered pages and bulk tagging, the label spreadsheet with its template and preview, segments,
 * pins and blocks, share links with copy buttons and QR codes on demand, and charts of the
 * statistics. Changes that cannot be undone in one click ask on a confirmation page first.
 */
package io.fanshelf.api.console;
