-- The baseline: the same authentication, quota and JSON writing, no line.
local token = os.getenv("TOKEN")
local pause = tonumber(os.getenv("DELAY_MS") or "0")

request = function()
  return wrk.format("GET", "/api/v1/ping", { ["Authorization"] = "Bearer " .. token })
end

if pause > 0 then
  delay = function() return pause end
end

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local report = dofile(here .. "report.lua")
done = function(summary, latency, requests) report(summary, latency) end
