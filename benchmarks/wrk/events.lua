-- Event ingestion: batches of 500 new view events per request (ids unique per thread and request).
-- Usage: FANSHELF_KEY=fsk_... [FANSHELF_FANS=1,2,3] [FANSHELF_PRODUCTS=p1,p2] \
--   wrk -t2 -c8 -d30s -s events.lua http://localhost:8080
-- Defaults: the demo data's fans 1000-2499 and eight of its products.
local key = os.getenv("FANSHELF_KEY")
local counter = 0
local thread_id = 0
local products = {}
for id in string.gmatch(os.getenv("FANSHELF_PRODUCTS") or
    "198651,1082185,6534178,1029743,995242,1106523,981760,826249", "[^,]+") do
  products[#products + 1] = id
end
local fans = {}
if os.getenv("FANSHELF_FANS") then
  for id in string.gmatch(os.getenv("FANSHELF_FANS"), "[^,]+") do fans[#fans + 1] = id end
else
  for i = 1000, 2499 do fans[#fans + 1] = tostring(i) end
end
setup = function(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end
request = function()
  counter = counter + 1
  local parts = {}
  for i = 1, 500 do
    parts[i] = string.format(
      '{"id":"load-%d-%d-%d-%d","fan":"%s","product":"%s","type":"view","time":"2026-11-01T00:00:00Z"}',
      tid, os.time(), counter, i, fans[((counter * 500 + i) % #fans) + 1],
      products[(i % #products) + 1])
  end
  return wrk.format("POST", "/api/v1/events",
    { ["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json" },
    '{"events":[' .. table.concat(parts, ",") .. ']}')
end
-- FANSHELF_PACE_MS: every connection waits that long after each response (a paced load, for the
-- latency at a given rate: CONNECTIONS / (PACE + latency) requests per second), not flat out.
local pace = tonumber(os.getenv("FANSHELF_PACE_MS") or "")
if pace then delay = function() return pace end end
done = function(summary, latency, requests)
  io.write(string.format("non-2xx %d, events/s %.0f\n", summary.errors.status,
    summary.requests * 500 / (summary.duration / 1e6)))
end
