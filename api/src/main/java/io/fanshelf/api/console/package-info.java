/**
 * The owner console: server-rendered pages in zh-CN and en (Thymeleaf, no CDN, a few lines of
 * script at most) over the same services as the owner REST API: fans with filters and bulk tagging,
 * the label spreadsheet with its preview, segments, pins and blocks, share links with QR codes, and
 * charts of the statistics.
 */
package io.fanshelf.api.console;
