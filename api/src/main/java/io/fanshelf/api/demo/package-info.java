/**
 * Demo mode: the demo data packaged in the jar is imported into an empty data directory, demo owner
 * accounts and an admin key are made, and the console URL, credentials and a shelf link are
 * printed, so that the README's first command gives a working service.
 */
package io.fanshelf.api.demo;
