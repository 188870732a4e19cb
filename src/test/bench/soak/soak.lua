-- The reliability campaign's soak (SoakIT): one random tracked line per request, read from the
-- file ORDERS names (one order reference a line), with the bearer token from TOKEN; `delay` paces
-- each connection (DELAY_MS) so that the load holds about half the measured capacity.
local token = os.getenv("TOKEN")
local pause = tonumber(os.getenv("DELAY_MS") or "0")
local orders = {}
for line in io.lines(os.getenv("ORDERS")) do
  orders[#orders + 1] = line
end
math.randomseed(os.time())

request = function()
  return wrk.format("GET", "/api/v1/lines/" .. orders[math.random(1, #orders)], { ["Authorization"] = "Bearer " .. token })
end

if pause > 0 then
  delay = function() return pause end
end

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local report = dofile(here .. "../lookup/report.lua")
done = function(summary, latency, requests) report(summary, latency) end
