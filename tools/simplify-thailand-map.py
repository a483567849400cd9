#!/usr/bin/env python3
"""Generates src/WiangHa.Platform.Web/Dashboards/thailand-provinces.json from @svg-maps/thailand 2.0.0 (CC BY 4.0).

Usage (from the repository root): npm pack @svg-maps/thailand@2.0.0 && tar xzf svg-maps-thailand-2.0.0.tgz
    python3 tools/simplify-thailand-map.py package/thailand.svg
Each province path is keyed by its DOPA code, simplified (Douglas-Peucker, 0.5 px) and written with integer
coordinates: 160 KB of SVG become ~43 KB (~11 KB gzipped), indistinguishable at dashboard size."""
import sys
import re, json, math
svg = open(sys.argv[1]).read()
codes = {p["nameEn"]: p["code"] for p in json.load(open("src/WiangHa.Platform.Infrastructure/Seeding/Data/thai-provinces-districts.json"))}
alias = {"Buriram": "Buri Ram", "Phangnga": "Phang Nga"}
EPS = 0.5

def rings(d):
    toks = re.findall(r"[mz]|-?\d+(?:\.\d+)?", d)
    out, cur, start, ring, i, first = [], (0.0, 0.0), (0.0, 0.0), None, 0, False
    while i < len(toks):
        t = toks[i]
        if t == "m":
            first = True; i += 1; continue
        if t == "z":
            if ring: out.append(ring)
            ring = None; cur = start; i += 1; continue
        x, y = float(t), float(toks[i + 1]); i += 2
        cur = (cur[0] + x, cur[1] + y)
        if first:
            if ring: out.append(ring)
            ring = [cur]; start = cur; first = False
        else:
            ring.append(cur)
    if ring: out.append(ring)
    return out

def dp(pts, eps):
    if len(pts) < 3: return pts
    (x1, y1), (x2, y2) = pts[0], pts[-1]
    dx, dy = x2 - x1, y2 - y1; n = math.hypot(dx, dy)
    best, idx = -1, 0
    for k in range(1, len(pts) - 1):
        px, py = pts[k]
        dist = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / n if n else math.hypot(px - x1, py - y1)
        if dist > best: best, idx = dist, k
    if best <= eps: return [pts[0], pts[-1]]
    return dp(pts[:idx + 1], eps)[:-1] + dp(pts[idx:], eps)

def emit(rs):
    parts = []
    for r in rs:
        # split the closed ring at its farthest point so both halves keep their ends
        far = max(range(len(r)), key=lambda k: math.hypot(r[k][0] - r[0][0], r[k][1] - r[0][1]))
        s = dp(r[:far + 1], EPS)[:-1] + dp(r[far:] + [r[0]], EPS)[:-1]
        pts = [(round(x), round(y)) for x, y in s]
        dedup = [p for k, p in enumerate(pts) if k == 0 or p != pts[k - 1]]
        if len(dedup) < 3: continue
        seg = ["M%d %d" % dedup[0], "l" + " ".join("%d %d" % (b[0] - a[0], b[1] - a[1]) for a, b in zip(dedup, dedup[1:])), "z"]
        parts.append("".join(seg))
    return "".join(parts)

provinces, water = {}, []
for _, label, d in re.findall(r'<path\s+id="([^"]+)"\s+aria-label="([^"]+)"\s+d="([^"]+)"', svg):
    name = alias.get(label, label)
    p = emit(rings(d))
    if name in codes: provinces[codes[name]] = p
    else: water.append(p)
json.dump({"source": "@svg-maps/thailand 2.0.0 (CC-BY-4.0)", "viewBox": "0 0 560 1025", "provinces": provinces, "water": water},
          open("src/WiangHa.Platform.Web/Dashboards/thailand-provinces.json", "w"), ensure_ascii=False, separators=(",", ":"))
print(len(provinces), sum(len(v) for v in provinces.values()))
