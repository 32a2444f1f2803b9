-- wrk script for scripts/bench_webhook.py: POST signed Twilio forms read from a file, each at most once.
-- Usage: wrk -t2 -c32 -d5s -s scripts/bench_wrk.lua <url>/twilio -- <requests file> <threads>
-- The file has one request per line: "<X-Twilio-Signature>\t<form body>". Thread i of n sends lines i, i+n, ...
-- and stops when its share runs out, so no MessageSid is sent twice (a repeat would take the de-dup shortcut).

local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local path, n = args[1], tonumber(args[2])
  sigs, bodies, next_line = {}, {}, id + 1
  local i = 0
  for line in io.lines(path) do
    i = i + 1
    if (i - 1) % n == id then
      local tab = line:find("\t", 1, true)
      table.insert(sigs, line:sub(1, tab - 1))
      table.insert(bodies, line:sub(tab + 1))
    end
  end
  next_line, exhausted = 1, 0
end

function request()
  local k = next_line
  if k > #bodies then
    exhausted = 1
    k = #bodies -- never reached while the file is long enough; the run is then reported as invalid
  end
  next_line = next_line + 1
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["X-Twilio-Signature"] = sigs[k],
  }, bodies[k])
end

function response(status, headers, body)
  if next_line > #bodies then
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local out = 0
  for _, thread in ipairs(threads) do
    out = out + (thread:get("exhausted") or 0)
  end
  io.write(string.format("exhausted_threads %d\n", out))
end
