#!/usr/bin/env python3
"""Server-side latency percentiles of one URI between two /actuator/prometheus scrapes.

Usage: server_percentiles.py BEFORE AFTER URI
Prints "p50 X ms, p99 Y ms, requests N" from the http_server_requests histogram buckets that grew
between the scrapes (each bucket's upper bound, so a percentile is an upper estimate).
"""
import re
import sys

# The labels may hold braces themselves (uri="/s/{token}"): match up to the last one.
BUCKET = re.compile(r'^http_server_requests_seconds_bucket\{(?P<labels>.*)\} (?P<count>\S+)$')


def buckets(path, uri):
    totals = {}
    with open(path, encoding="utf-8") as scrape:
        for line in scrape:
            match = BUCKET.match(line)
            if not match:
                continue
            labels = dict(re.findall(r'(\w+)="([^"]*)"', match.group("labels")))
            if labels.get("uri") != uri:
                continue
            bound = float("inf") if labels["le"] == "+Inf" else float(labels["le"])
            # Several series (status, outcome, method) share a URI: add them up per bound.
            totals[bound] = totals.get(bound, 0.0) + float(match.group("count"))
    return totals


def main():
    before, after, uri = sys.argv[1:4]
    start, end = buckets(before, uri), buckets(after, uri)
    grown = sorted((bound, end[bound] - start.get(bound, 0.0)) for bound in end)
    if not grown or grown[-1][1] <= 0:
        sys.exit(f"no requests to {uri} between the two scrapes")
    total = grown[-1][1]

    def percentile(fraction):
        for bound, count in grown:
            if count >= fraction * total:
                return bound * 1000
        return float("inf")

    print(f"p50 {percentile(0.50):.1f} ms, p99 {percentile(0.99):.1f} ms, requests {total:.0f}")


if __name__ == "__main__":
    main()
