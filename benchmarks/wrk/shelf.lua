-- Cached shelves: the same share link over and over (the shelf cache answers after the first).
-- Usage: wrk -t2 -c16 -d30s -s shelf.lua http://localhost:8080/s/<token>
-- FANSHELF_PACE_MS: every connection waits that long after each response (a paced load, for the
-- latency at a given rate: CONNECTIONS / (PACE + latency) requests per second), not flat out.
local pace = tonumber(os.getenv("FANSHELF_PACE_MS") or "")
if pace then delay = function() return pace end end
done = function(summary, latency, requests)
  io.write(string.format("non-2xx %d\n", summary.errors.status))
end
