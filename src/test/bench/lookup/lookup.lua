-- One random benchmark line per request, by order reference or by phone number (half each), with
-- the bearer token from the environment; `delay` paces each connection for the half-load run.
local lines = tonumber(os.getenv("LINES"))
local token = os.getenv("TOKEN")
local pause = tonumber(os.getenv("DELAY_MS") or "0")
math.randomseed(os.time())

request = function()
  local n = math.random(1, lines)
  local path
  if n % 2 == 0 then
    path = string.format("/api/v1/lines/BEN-%08d", n)
  else
    path = string.format("/api/v1/lines/02%08d", n)
  end
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end

if pause > 0 then
  delay = function() return pause end
end

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local report = dofile(here .. "report.lua")
done = function(summary, latency, requests) report(summary, latency) end
