/**
 * The platform's administration over HTTP, for API keys with the {@code admin} scope: API keys,
 * owner console accounts, and imports of taxonomy, owners, catalog, fans, labels and events.
 */
package io.fanshelf.api.admin;
