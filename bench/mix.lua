-- wrk: the queries named in BENCH_MIX (file paths separated by spaces), in
-- turn, POSTed as application/sparql-query to BENCH_PATH (default /sparql).
-- With BENCH_UNCACHED=1 every request's text is unique (thread and counter in
-- a trailing comment), so that no result cache answers: the engine's throughput.
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

local queries = {}
for path in string.gmatch(os.getenv("BENCH_MIX") or "", "%S+") do
  local file = assert(io.open(path, "r"))
  table.insert(queries, file:read("*a"))
  file:close()
end
assert(#queries > 0, "BENCH_MIX names no query file")
local uncached = os.getenv("BENCH_UNCACHED") == "1"
local path = os.getenv("BENCH_PATH") or "/sparql"
local counter = 0

request = function()
  counter = counter + 1
  local query = queries[(counter % #queries) + 1]
  if uncached then
    query = query .. "\n# " .. tostring(id) .. "-" .. counter .. "\n"
  end
  return wrk.format("POST", path, { ["Content-Type"] = "application/sparql-query" }, query)
end
