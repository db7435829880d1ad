-- wrk script of scenario 1 (bench/1-vote-burst.sh): POST {"token": ...} walking a list of one-time tokens, each sent
-- once. Settings come from the environment (wrk passes no arguments to setup):
--   BURST_TOKENS   file of tokens, one a line             BURST_PATH     e.g. /api/peoples-choice/SLUG/confirm
--   BURST_THREADS  wrk's -t (the stride between threads)  BURST_PORTS    "p1,p2": thread n talks to port n mod 2
--   BURST_SLICES   "from:count[:statefile];..."  the lines used (0-based from); with a state file, a replay: each
--                  thread resends exactly the tokens it sent in the run that wrote the file
--   BURST_STATE    where this run writes how many tokens each thread sent (for a later replay)
-- Thread n of T takes lines from+n, from+n+T, ... of each slice, so no two threads send the same token. A thread that
-- runs out sends "exhausted" (an unknown link, answered 404, counted apart). No sticky sessions: with two ports the
-- threads alternate between the two processes.
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
  local ports = os.getenv("BURST_PORTS")
  if ports and ports ~= "" then
    local list = {}
    for p in string.gmatch(ports, "%d+") do list[#list + 1] = p end
    thread.addr = wrk.lookup("127.0.0.1", list[(counter - 1) % #list + 1])[1]
  end
  table.insert(threads, thread)
end

local function read_state(file)
  local sent = {}
  for line in io.lines(file) do
    local t, n = string.match(line, "^(%d+) (%d+)$")
    if t then sent[tonumber(t)] = tonumber(n) end
  end
  return sent
end

function init(args)
  local nthreads = tonumber(os.getenv("BURST_THREADS") or "1")
  path = os.getenv("BURST_PATH")
  local lines = {}
  for line in io.lines(os.getenv("BURST_TOKENS")) do lines[#lines + 1] = line end
  mine = {}
  for slice in string.gmatch(os.getenv("BURST_SLICES"), "[^;]+") do
    local from, count, state = string.match(slice, "^(%d+):(%d+):?(.*)$")
    from, count = tonumber(from), tonumber(count)
    local limit = math.huge
    if state ~= "" then limit = read_state(state)[tid] or 0 end
    local taken = 0
    for i = from + tid, from + count, nthreads do
      if taken >= limit or i > #lines then break end
      mine[#mine + 1] = lines[i]
      taken = taken + 1
    end
  end
  ntokens = #mine
  issued, real, exhausted, ok, already, invalid, other = 0, 0, 0, 0, 0, 0, 0
  headers = { ["Content-Type"] = "application/json" }
end

function request()
  issued = issued + 1
  local token = mine[issued]
  if token then
    real = issued
  else
    token = "exhausted"
    exhausted = exhausted + 1
  end
  return wrk.format("POST", path, headers, '{"token":"' .. token .. '"}')
end

function response(status, headers, body)
  if status >= 200 and status < 300 then ok = ok + 1
  elseif status == 409 then already = already + 1
  elseif status == 404 then invalid = invalid + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local sum = { issued = 0, real = 0, exhausted = 0, ok = 0, already = 0, invalid = 0, other = 0, tokens = 0 }
  local state = os.getenv("BURST_STATE")
  local out = state and state ~= "" and io.open(state, "w") or nil
  for _, thread in ipairs(threads) do
    for key, _ in pairs(sum) do
      if key ~= "tokens" then sum[key] = sum[key] + thread:get(key) end
    end
    sum.tokens = sum.tokens + thread:get("ntokens")
    if out then out:write(string.format("%d %d\n", thread:get("tid"), thread:get("real"))) end
  end
  if out then out:close() end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("tokens %d\n", sum.tokens))
  io.write(string.format("issued %d\n", sum.issued))
  io.write(string.format("issued_real %d\n", sum.real))
  io.write(string.format("exhausted %d\n", sum.exhausted))
  io.write(string.format("responses %d\n", summary.requests))
  io.write(string.format("unanswered %d\n", sum.issued - summary.requests))
  io.write(string.format("status_2xx %d\n", sum.ok))
  io.write(string.format("status_409 %d\n", sum.already))
  io.write(string.format("status_404 %d\n", sum.invalid))
  io.write(string.format("status_other %d\n", sum.other))
  io.write(string.format("socket_errors %d\n", e.connect + e.read + e.write + e.timeout))
  io.write(string.format("seconds %.3f\n", seconds))
  io.write(string.format("rps %.1f\n", summary.requests / seconds))
  io.write(string.format("ok_per_second %.1f\n", sum.ok / seconds))
  io.write(string.format("p50_ms %.2f\n", latency:percentile(50) / 1000))
  io.write(string.format("p95_ms %.2f\n", latency:percentile(95) / 1000))
  io.write(string.format("p99_ms %.2f\n", latency:percentile(99) / 1000))
  io.write(string.format("max_ms %.2f\n", latency.max / 1000))
end
