-- Fresh recommendations: a random fan of one owner per request (the recommend API does not cache).
-- Usage: FANSHELF_KEY=fsk_... FANSHELF_FANS=1,2,3 [FANSHELF_OWNER=shop-lily] \
--   wrk -t2 -c4 -d30s -s recommend.lua http://localhost:8080
local fans = {}
for id in string.gmatch(os.getenv("FANSHELF_FANS"), "[^,]+") do fans[#fans + 1] = id end
local key = os.getenv("FANSHELF_KEY")
local owner = os.getenv("FANSHELF_OWNER") or "shop-lily"
math.randomseed(42)
request = function()
  local fan = fans[math.random(#fans)]
  return wrk.format("GET", "/api/v1/recommendations?owner=" .. owner .. "&limit=20&fan=" .. fan,
    { ["Authorization"] = "Bearer " .. key })
end
-- FANSHELF_PACE_MS: every connection waits that long after each response (a paced load, for the
-- latency at a given rate: CONNECTIONS / (PACE + latency) requests per second), not flat out.
local pace = tonumber(os.getenv("FANSHELF_PACE_MS") or "")
if pace then delay = function() return pace end end
done = function(summary, latency, requests)
  io.write(string.format("errors %d non-2xx %d\n",
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
