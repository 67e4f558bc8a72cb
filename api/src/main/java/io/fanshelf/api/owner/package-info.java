/**
 * What a signed-in owner manages: their fans (list, filter, label one or many), the label
 * spreadsheet with its dry-run preview, saved segments, pins and blocks, and statistics of the
 * events attributed to them. Every handler takes the owner from the sign-in, never from the
 * request, so another owner's ids simply find nothing.
 */
package io.fanshelf.api.owner;
