#!/usr/bin/env python3
"""Prints the harness's figures (benchmarks/run.sh) beside their limits: median, spread (min-max), ratio, target.

Input: a TSV of `name<TAB>value` lines, one per round. Rows whose figures are missing (a part skipped) are left out.
"""
import statistics
import sys
from collections import defaultdict

values = defaultdict(list)
for line in open(sys.argv[1], encoding="utf-8"):
    name, value = line.rstrip("\n").split("\t")
    values[name].append(float(value))


def cell(name, unit):
    v = values[name]
    if len(v) == 1:
        return f"{v[0]:,.2f} {unit}" if v[0] < 100 else f"{v[0]:,.0f} {unit}"
    m, lo, hi = statistics.median(v), min(v), max(v)
    fmt = (lambda x: f"{x:,.2f}") if m < 100 else (lambda x: f"{x:,.0f}")
    return f"{fmt(m)} {unit} ({fmt(lo)}–{fmt(hi)}, n={len(v)})"


def median(name):
    return statistics.median(values[name])


# figure, its unit, the limit it is compared with, how the ratio reads, the target (a test on the figure and ratio)
rows = [
    ("measures API (bearer, 5 measures, 15 KB)", "api.measures.rps", "req/s", "limit.adonet.rps", "figure / limit",
     ("≥ 0.5× plain ADO.NET", lambda f, r: r >= 0.5)),
    ("  its p50 latency", "api.measures.p50_ms", "ms", "limit.adonet.p50_ms", "figure / limit", None),
    ("  its p99 latency", "api.measures.p99_ms", "ms", "limit.adonet.p99_ms", "figure / limit", None),
    ("  the same bytes from memory (HTTP only)", "limit.memory.rps", "req/s", None, None, None),
    ("authenticated tiny read (org units): auth + tenant + scope", "api.orgunits.rps", "req/s", "limit.adonet.rps", "figure / limit", None),
    ("memory: platform's peak RSS under that load", "api.measures.rss_mb", "MB", None, None,
     ("≤ 250 MB", lambda f, r: f <= 250)),
    ("memory: platform's RSS at rest after start", "memory.idle_mb", "MB", None, None, None),
    ("/health/live (pipeline floor)", "api.health.rps", "req/s", "limit.health.rps", "figure / limit", None),
    ("start-up to ready, existing database", "startup.existing_s", "s", "startup.bare_s", "figure / limit",
     ("≤ 2 s", lambda f, r: f <= 2)),
    ("start-up to ready, fresh embedded demo", "startup.fresh_s", "s", "startup.bare_s", "figure / limit",
     ("≤ 10 s", lambda f, r: f <= 10)),
]
for provider in ("sqlite", "postgres"):
    rows += [
        (f"night, {provider}: first night, 7,849 LAOs", f"night.{provider}.first_s", "s", f"night.{provider}.first_limit_s", "figure / limit",
         ("≤ 10 s and ≤ 1.3× bulk", lambda f, r: f <= 10 and r <= 1.3)),
        (f"night, {provider}: a night without change", f"night.{provider}.nochange_s", "s", f"night.{provider}.nochange_limit_s", "figure / limit",
         ("≤ 10 s and ≤ 1.3× bulk", lambda f, r: f <= 10 and r <= 1.3)),
        (f"night, {provider}: database growth, no change", f"night.{provider}.growth_mib", "MiB", None, None,
         ("≤ 5 MiB", lambda f, r: f <= 5)),
    ]

print(f"| figure | measured | limit (same run) | ratio | target |")
print("|---|---|---|---|---|")
for title, name, unit, limit, _, target in rows:
    if name not in values:
        continue
    limit_cell = cell(limit, unit) if limit and limit in values else "–"
    ratio = median(name) / median(limit) if limit and limit in values and median(limit) else None
    ratio_cell = f"{ratio:.2f}×" if ratio is not None else "–"
    verdict = "–"
    if target:
        text, test = target
        verdict = f"{text} {'✔' if test(median(name), ratio if ratio is not None else 0) else '✘'}"
    print(f"| {title} | {cell(name, unit)} | {limit_cell} | {ratio_cell} | {verdict} |")
