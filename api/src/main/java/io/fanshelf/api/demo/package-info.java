/**
 * Demo mode: the demo data sets packaged in the jar are imported into an empty data directory
 * ({@link io.fanshelf.api.demo.DemoImport}), demo owner accounts and an admin key are made, the
 * first fan page is warmed, and the console URL, credentials, a fan page and the Swagger UI are
 * printed, so that the README's first command gives a working service.
 */
package io.fanshelf.api.demo;
