-- One random tracked line per request, by order reference (the file REFS lists them, one a line),
-- with the bearer token from the environment (the cluster benchmark's `lookups`).
local token = os.getenv("TOKEN")
local refs = {}
for line in io.lines(os.getenv("REFS")) do refs[#refs + 1] = line end
math.randomseed(os.time())

request = function()
  return wrk.format("GET", "/api/v1/lines/" .. refs[math.random(1, #refs)], { ["Authorization"] = "Bearer " .. token })
end
