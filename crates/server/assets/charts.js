// The dashboard's charts, drawn as SVG strings. Every bar, edge and dot is a
// link: to the events behind it, or to a closer view of them.

import { PENTA, PENTA_NAMES, esc, svgEl, qs, dayBefore, pentaLegend } from "./util.js";
import { countries } from "./world.js";

// The events of one bucket: the filters plus the bucket's days.
function bucketParams(filters, periods, i, f) {
  const next = periods[i + 1];
  return { ...filters, from: periods[i], to: next ? dayBefore(next) : f.to };
}

// Every bucket from the first to the last, empty ones included, so that a
// quiet week shows as a gap and not as nothing.
function allPeriods(periods, interval) {
  if (!periods.length) return [];
  const out = [], last = periods[periods.length - 1], d = new Date(periods[0] + "T00:00:00Z");
  for (;;) {
    const iso = d.toISOString().slice(0, 10);
    out.push(iso);
    if (iso >= last || out.length > 4000) return out;
    if (interval === "month") d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCDate(d.getUTCDate() + (interval === "week" ? 7 : 1));
  }
}

// Bar positions: n slots across [pad, w], bars at most 48 wide.
function slots(n, w, pad) {
  const slot = (w - pad) / n, bw = Math.max(1, Math.min(48, slot - 1));
  return { bw, x: (i) => pad + i * slot + (slot - bw) / 2 };
}

// One bucket's PentaClass counts stacked from `base`, upwards (dir -1) or
// downwards (dir 1).
function stack(p, x, bw, base, dir, scale, params, label) {
  let y = base, out = "";
  p.penta.forEach((n, c) => {
    if (!n) return;
    const bh = n * scale;
    if (dir < 0) y -= bh;
    out += `<a href="#/events?${qs(params)}"><rect class="bar" data-period="${p.period}" x="${x}" y="${y}" width="${bw}" height="${bh}" fill="${PENTA[c]}"><title>${esc(label)}${p.period}: ${n} × ${PENTA_NAMES[c]}</title></rect></a>`;
    if (dir > 0) y += bh;
  });
  return out;
}

// The Goldstein means of the buckets that have events, as a line (broken
// over empty buckets) with a dot per bucket.
function goldsteinLine(periods, byPeriod, cx, gy, dash = "") {
  let d = "", dots = "", gap = true;
  periods.forEach((period, i) => {
    const p = byPeriod[period];
    if (!p) return void (gap = true);
    d += `${gap ? "M" : "L"}${cx(i)},${gy(p.goldstein_mean)}`;
    dots += `<circle cx="${cx(i)}" cy="${gy(p.goldstein_mean)}" r="2.5" fill="#222"><title>${p.period}: Goldstein mean ${p.goldstein_mean}</title></circle>`;
    gap = false;
  });
  return `<path d="${d}" fill="none" stroke="#222" stroke-width="1.5" stroke-dasharray="${dash}"/>${dots}`;
}

const axisLabels = (periods, w, h, pad) =>
  `<text x="${pad}" y="${h - 8}" font-size="11">${periods[0]}</text><text x="${w}" y="${h - 8}" font-size="11" text-anchor="end">${periods[periods.length - 1]}</text>`;

const byPeriod = (points) => Object.fromEntries(points.map((p) => [p.period, p]));

/// Events per bucket, PentaClass stacked, with the Goldstein mean as a line.
export function timeline(points, filters, f, interval) {
  if (!points.length) return "<p>No events.</p>";
  const w = 900, h = 240, pad = 30;
  const periods = allPeriods(points.map((p) => p.period), interval), at = byPeriod(points);
  const { bw, x } = slots(periods.length, w, pad);
  const max = Math.max(...points.map((p) => p.events));
  let bars = "";
  periods.forEach((period, i) => {
    if (at[period]) bars += stack(at[period], x(i), bw, h - pad, -1, (h - 2 * pad) / max, bucketParams(filters, periods, i, f), "");
  });
  const line = goldsteinLine(periods, at, (i) => x(i) + bw / 2, (g) => h / 2 - (g / 10) * (h / 2 - pad));
  const axis = `<line x1="${pad}" x2="${w}" y1="${h - pad}" y2="${h - pad}" stroke="#999"/>${axisLabels(periods, w, h, pad)}<text x="2" y="${pad}" font-size="11">${max}</text>`;
  return svgEl(w, h, bars + axis + line, "timeline") +
    `<p class="legend">${pentaLegend()}<span><i style="background:#222"></i>Goldstein mean (−10…10)</span></p>`;
}

/// Two actors face to face: what `a` does to `b` above the axis, what `b`
/// does to `a` below, and each side's Goldstein mean as a line, so an
/// escalation shows as the red growing and the lines falling.
export function dyadChart(ab, ba, a, b, filters, f, interval) {
  const periods = allPeriods([...new Set([...ab, ...ba].map((p) => p.period))].sort(), interval);
  if (!periods.length) return "<p>No events between them.</p>";
  const w = 900, h = 340, pad = 40, mid = h / 2;
  const { bw, x } = slots(periods.length, w, pad);
  const atAb = byPeriod(ab), atBa = byPeriod(ba);
  const max = Math.max(1, ...ab.map((p) => p.events), ...ba.map((p) => p.events));
  const scale = (mid - pad) / max;
  let bars = "";
  periods.forEach((period, i) => {
    const span = bucketParams(filters, periods, i, f);
    if (atAb[period]) bars += stack(atAb[period], x(i), bw, mid, -1, scale, { ...span, source: a, target: b }, `${a} → ${b}, `);
    if (atBa[period]) bars += stack(atBa[period], x(i), bw, mid, 1, scale, { ...span, source: b, target: a }, `${b} → ${a}, `);
  });
  const cx = (i) => x(i) + bw / 2, gy = (g) => mid - (g / 10) * (mid - pad);
  const axis = `<line x1="${pad}" x2="${w}" y1="${mid}" y2="${mid}" stroke="#999"/>${axisLabels(periods, w, h, pad)}` +
    `<text x="${pad}" y="16" font-size="12" font-weight="600">▲ ${esc(a)} → ${esc(b)}</text><text x="${pad}" y="${h - 24}" font-size="12" font-weight="600">▼ ${esc(b)} → ${esc(a)}</text>`;
  const lines = goldsteinLine(periods, atAb, cx, gy) + goldsteinLine(periods, atBa, cx, gy, "4 3");
  return svgEl(w, h, bars + axis + lines, "timeline dyad") +
    `<p class="legend">${pentaLegend()}<span><i style="background:#222"></i>Goldstein mean, ${esc(a)} → ${esc(b)} solid, ${esc(b)} → ${esc(a)} dashed</span></p>`;
}

/// The busiest dyads as a circle of actors; an edge's width is its events,
/// its colour conflict (red) or cooperation (green). An edge opens the
/// dyad's view, an actor the overview of that actor.
export function network(dyads, f) {
  if (!dyads.length) return "<p>No dyads.</p>";
  const names = [...new Set(dyads.flatMap((d) => [d.source, d.target]))];
  const w = 520, h = 420, r = 160, cx = w / 2, cy = h / 2;
  const pos = Object.fromEntries(names.map((n, i) => [n, [cx + r * Math.cos((2 * Math.PI * i) / names.length), cy + r * Math.sin((2 * Math.PI * i) / names.length)]]));
  const max = Math.max(...dyads.map((d) => d.events));
  // The busiest edge is drawn last, on top of the others.
  const edges = dyads.slice().reverse().map((d) => {
    const [x1, y1] = pos[d.source], [x2, y2] = pos[d.target];
    const colour = d.goldstein_mean < 0 ? "#d32f2f" : "#2e7d32";
    return `<a href="#/dyad?${qs({ a: d.source, b: d.target, from: f.from, to: f.to })}"><line class="edge" data-dyad="${esc(d.source)}>${esc(d.target)}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${colour}" stroke-opacity=".6" stroke-width="${1 + 7 * Math.sqrt(d.events / max)}"><title>${esc(d.source)} → ${esc(d.target)}: ${d.events} events, Goldstein mean ${d.goldstein_mean}</title></line></a>`;
  }).join("");
  const nodes = names.map((n) => {
    const [x, y] = pos[n];
    return `<a href="#/?${qs({ actor: n, from: f.from, to: f.to })}"><circle class="node" cx="${x}" cy="${y}" r="5" fill="#1f2a36"/><text x="${x + (x < cx ? -8 : 8)}" y="${y + 4}" font-size="11" text-anchor="${x < cx ? "end" : "start"}">${esc(n)}</text></a>`;
  }).join("");
  return svgEl(w, h, edges + nodes, "network") + `<p class="legend"><span><i style="background:#d32f2f"></i>conflict (Goldstein &lt; 0)</span><span><i style="background:#2e7d32"></i>cooperation</span> <span class="muted">an edge opens the pair's timeline</span></p>`;
}

/// Event locations on an equirectangular world map with country outlines;
/// a dot's area is its events.
export async function map(places, filters) {
  const w = 720, h = 360, x = (lon) => ((lon + 180) / 360) * w, y = (lat) => ((90 - lat) / 180) * h;
  let outlines = "";
  try {
    outlines = (await countries(([lon, lat]) => [x(lon), y(lat)]))
      .map((c) => `<path class="country" d="${c.d}"><title>${esc(c.name)}</title></path>`).join("");
  } catch {
    // Without the outlines the dots still stand on a plain grid.
  }
  const max = Math.max(1, ...places.map((p) => p.events));
  const dots = places.map((p) => {
    const params = { ...filters, place: p.geonameid ?? p.name };
    return `<a href="#/events?${qs(params)}"><circle class="dot" data-place="${esc(p.name)}" cx="${x(p.lon)}" cy="${y(p.lat)}" r="${2 + 10 * Math.sqrt(p.events / max)}" fill="${p.goldstein_mean < 0 ? "#d32f2f" : "#2e7d32"}" fill-opacity=".55"><title>${esc(p.name)}: ${p.events} events</title></circle></a>`;
  }).join("");
  return svgEl(w, h, `<rect width="${w}" height="${h}" fill="#eef4f9"/>` + outlines + dots, "map") +
    (places.length ? "" : "<p>No located events (places need the gazetteer: scripts/gazetteer.sh).</p>");
}
