/**
 * Models for data scientists and admins: list the trained models with their metrics, publish one
 * (serving switches to it without a restart) and roll back. Training itself runs with the training
 * CLI on the data directory (docs/training.md).
 */
package io.fanshelf.api.model;
