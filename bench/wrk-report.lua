-- wrk: prints machine-readable figures at the end of a run (wrk --latency prints p50/75/90/99 but not p95).
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("requests %d\n", summary.requests))
  io.write(string.format("rps %.1f\n", summary.requests / seconds))
  io.write(string.format("p50_ms %.2f\n", latency:percentile(50) / 1000))
  io.write(string.format("p95_ms %.2f\n", latency:percentile(95) / 1000))
  io.write(string.format("p99_ms %.2f\n", latency:percentile(99) / 1000))
  io.write(string.format("max_ms %.2f\n", latency.max / 1000))
  local e = summary.errors
  io.write(string.format("errors %d\n", e.connect + e.read + e.write + e.status + e.timeout))
  io.write(string.format("bytes_per_request %.0f\n", summary.bytes / math.max(summary.requests, 1)))
end
