-- wrk reporter: p50/p95/p99 latency and the rate, one line, for docs/benchmarks.md.
done = function(summary, latency, requests)
  io.write(string.format("requests %d in %.1fs: %.0f req/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, errors %d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
