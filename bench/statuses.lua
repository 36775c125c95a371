-- wrk script: counts the answers by HTTP status, over all of wrk's threads, and prints them in one line
-- ("statuses: 304=51234 200=3") that bench/run.py reads. wrk's own "Non-2xx or 3xx responses" cannot tell
-- a 304 from a 200.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(total) do
    table.insert(parts, status .. "=" .. count)
  end
  io.write("statuses: " .. table.concat(parts, " ") .. "\n")
end
