/**
 * Candidate sources: small named strategies that each propose products for a fan (label match,
 * co-visitation, category affinity, owner-popular, popular, new arrivals, free-text need, recently
 * viewed). {@link io.fanshelf.recommender.candidate.CandidateSources} runs a configured list, and a
 * fallback list when the first finds too little.
 */
package io.fanshelf.recommender.candidate;
