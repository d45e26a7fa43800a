-- wrk: every request a different text (a counter in a trailing comment), so
-- that the server's result cache never answers: the engine's throughput.
local counter = 0
local query = os.getenv("BENCH_QUERY") or "ASK { ?s ?p ?o }"
request = function()
  counter = counter + 1
  return wrk.format("POST", "/sparql", { ["Content-Type"] = "application/sparql-query" },
                    query .. "\n# " .. counter .. "\n")
end
