package io.fanshelf.api.online;

import io.fanshelf.api.auth.InMemoryRateLimiter;
import io.fanshelf.api.auth.RateLimiter;

class InMemoryRateLimiterContractTest extends RateLimiterContract {
  @Override
  protected RateLimiter create() {
    return new InMemoryRateLimiter();
  }
}
