// casus dashboard: plain ES module, no outside dependencies. Every number
// links to the events behind it; every event links to its article, where
// the words it came from are highlighted from their spans.

const PENTA = ["#7aa6d6", "#4caf50", "#bbbbbb", "#ff9800", "#d32f2f"];
const PENTA_NAMES = ["0 statement", "1 verbal coop.", "2 material coop.", "3 verbal conflict", "4 material conflict"];
const view = document.getElementById("view");
const form = document.getElementById("filters");

const esc = (s) => String(s ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
const svgEl = (w, h, body) => `<svg viewBox="0 0 ${w} ${h}" role="img">${body}</svg>`;

async function api(path, params = {}) {
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== ""));
  const r = await fetch(`/api/${path}${q.toString() ? "?" + q : ""}`);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

// The filters in the form, as API parameters.
function filters() {
  const f = Object.fromEntries(new FormData(form));
  for (const k of Object.keys(f)) if (!f[k]) delete f[k];
  if (f.category) f.category = f.category.toUpperCase();
  return f;
}

function eventsLink(params, label) {
  return `<a class="num" href="#/events?${new URLSearchParams(params)}">${esc(label)}</a>`;
}

function timeline(points, f) {
  if (!points.length) return "<p>No events.</p>";
  const w = 900, h = 240, pad = 30, bw = Math.max(2, (w - pad) / points.length - 1);
  const max = Math.max(...points.map((p) => p.events));
  let bars = "", line = "";
  points.forEach((p, i) => {
    const x = pad + i * (bw + 1);
    let y = h - pad;
    const next = points[i + 1] ? points[i + 1].period : f.to || "";
    p.penta.forEach((n, c) => {
      if (!n) return;
      const bh = (n / max) * (h - 2 * pad);
      y -= bh;
      const params = { ...eventFilters(f), from: p.period, ...(next ? { to: dayBefore(next) } : {}) };
      bars += `<a href="#/events?${new URLSearchParams(params)}"><rect class="bar" data-period="${p.period}" x="${x}" y="${y}" width="${bw}" height="${bh}" fill="${PENTA[c]}"><title>${p.period}: ${n} × ${PENTA_NAMES[c]}</title></rect></a>`;
    });
    const gy = h / 2 - (p.goldstein_mean / 10) * (h / 2 - pad);
    line += `${i ? "L" : "M"}${x + bw / 2},${gy}`;
  });
  const axis = `<line x1="${pad}" x2="${w}" y1="${h - pad}" y2="${h - pad}" stroke="#999"/><text x="${pad}" y="${h - 8}" font-size="11">${points[0].period}</text><text x="${w}" y="${h - 8}" font-size="11" text-anchor="end">${points[points.length - 1].period}</text><text x="2" y="${pad}" font-size="11">${max}</text>`;
  const legend = PENTA_NAMES.map((n, c) => `<span><i style="background:${PENTA[c]}"></i>${n}</span>`).join("") + `<span><i style="background:#222"></i>Goldstein mean (−10…10)</span>`;
  return svgEl(w, h, bars + axis + `<path d="${line}" fill="none" stroke="#222" stroke-width="1.5"/>`) + `<p class="legend">${legend}</p>`;
}

function dayBefore(iso) {
  const d = new Date(iso + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function network(dyads, f) {
  if (!dyads.length) return "<p>No dyads.</p>";
  const names = [...new Set(dyads.flatMap((d) => [d.source, d.target]))];
  const w = 520, h = 420, r = 160, cx = w / 2, cy = h / 2;
  const pos = Object.fromEntries(names.map((n, i) => [n, [cx + r * Math.cos((2 * Math.PI * i) / names.length), cy + r * Math.sin((2 * Math.PI * i) / names.length)]]));
  const max = Math.max(...dyads.map((d) => d.events));
  const edges = dyads.map((d) => {
    const [x1, y1] = pos[d.source], [x2, y2] = pos[d.target];
    const colour = d.goldstein_mean < 0 ? "#d32f2f" : "#2e7d32";
    const params = { ...eventFilters(f), source: d.source, target: d.target };
    return `<a href="#/events?${new URLSearchParams(params)}"><line class="edge" data-dyad="${esc(d.source)}>${esc(d.target)}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${colour}" stroke-opacity=".6" stroke-width="${1 + 7 * Math.sqrt(d.events / max)}"><title>${esc(d.source)} → ${esc(d.target)}: ${d.events} events, Goldstein mean ${d.goldstein_mean}</title></line></a>`;
  }).join("");
  const nodes = names.map((n) => {
    const [x, y] = pos[n];
    return `<a href="#/events?${new URLSearchParams({ ...eventFilters(f), actor: n })}"><circle cx="${x}" cy="${y}" r="5" fill="#1f2a36"/><text x="${x + (x < cx ? -8 : 8)}" y="${y + 4}" font-size="11" text-anchor="${x < cx ? "end" : "start"}">${esc(n)}</text></a>`;
  }).join("");
  return svgEl(w, h, edges + nodes) + `<p class="legend"><span><i style="background:#d32f2f"></i>conflict (Goldstein &lt; 0)</span><span><i style="background:#2e7d32"></i>cooperation</span></p>`;
}

function map(places, f) {
  const w = 720, h = 360, x = (lon) => ((lon + 180) / 360) * w, y = (lat) => ((90 - lat) / 180) * h;
  let grid = "";
  for (let lon = -180; lon <= 180; lon += 30) grid += `<line x1="${x(lon)}" x2="${x(lon)}" y1="0" y2="${h}" stroke="#eee"/>`;
  for (let lat = -90; lat <= 90; lat += 30) grid += `<line x1="0" x2="${w}" y1="${y(lat)}" y2="${y(lat)}" stroke="#eee"/>`;
  const max = Math.max(1, ...places.map((p) => p.events));
  const dots = places.map((p) => {
    const params = { ...eventFilters(f), place: p.geonameid ?? p.name };
    return `<a href="#/events?${new URLSearchParams(params)}"><circle class="dot" data-place="${esc(p.name)}" cx="${x(p.lon)}" cy="${y(p.lat)}" r="${2 + 10 * Math.sqrt(p.events / max)}" fill="${p.goldstein_mean < 0 ? "#d32f2f" : "#2e7d32"}" fill-opacity=".55"><title>${esc(p.name)}: ${p.events} events</title></circle></a>`;
  }).join("");
  return svgEl(w, h, `<rect width="${w}" height="${h}" fill="#f4f8fb"/>` + grid + dots) + (places.length ? "" : "<p>No located events (places need the gazetteer: scripts/gazetteer.sh).</p>");
}

// The event filters of the form (search words are not an event filter).
function eventFilters(f) {
  const { q, ...rest } = f;
  return rest;
}

async function overview() {
  const f = filters();
  const ef = eventFilters(f);
  const interval = f.from && f.to && (new Date(f.to) - new Date(f.from)) / 864e5 <= 62 ? "day" : "week";
  const [series, dyads, places, events] = await Promise.all([
    api("series", { ...ef, interval }),
    api("dyads", { from: f.from, to: f.to, limit: 30 }),
    api("places", ef),
    api("events", { ...ef, limit: 1 }),
  ]);
  let html = `<section class="wide" id="timeline"><h2>Events over time (per ${interval}): ${eventsLink(ef, events.total + " events")}</h2>${timeline(series, f)}</section>`;
  html += `<section id="network"><h2>Who does what to whom</h2>${network(dyads, f)}</section>`;
  html += `<section id="map"><h2>Where</h2>${map(places, f)}</section>`;
  if (f.q) {
    const hits = await api("search", { q: f.q, limit: 20 });
    html = `<section class="wide" id="search"><h2>${hits.total} articles match “${esc(f.q)}”</h2><table>${hits.items.map((h) => `<tr><td><a href="#/article/${encodeURIComponent(h.id)}">${esc(h.title || h.id)}</a><div class="muted">${esc(h.published)} ${esc(h.source)}</div><div>${h.snippet || ""}</div></td></tr>`).join("")}</table></section>` + html;
  }
  view.innerHTML = html;
}

function side(s) {
  return s && (s.code || s.text) ? `${esc(s.text || "")} <span class="muted">${esc(s.code || "")}</span>` : `<span class="muted">—</span>`;
}

async function eventList(params) {
  const page = await api("events", { limit: 100, ...params });
  const rows = page.items.map((e) => `<tr class="event"><td>${esc(e.date)}</td><td>${side(e.source)}</td><td class="code">${esc(e.cameo)} ${esc(e.plover || "")}</td><td>${side(e.target)}</td><td>${esc(e.place?.name || "")}</td><td>${esc(e.modality)}</td><td>${e.confidence.toFixed(2)}</td><td><a href="#/article/${encodeURIComponent(e.article)}">${esc(e.title || e.article)}</a> <span class="muted">“${esc(e.trigger.text)}”</span></td></tr>`).join("");
  const shown = Object.entries(params).map(([k, v]) => `${k}=${v}`).join(", ");
  view.innerHTML = `<section class="wide" id="events"><h2>${page.total} events${shown ? " (" + esc(shown) + ")" : ""}; the first ${page.items.length}</h2><table><tr><th>date</th><th>source</th><th>code</th><th>target</th><th>place</th><th>modality</th><th>conf.</th><th>article, words</th></tr>${rows}</table></section>`;
}

// The article's text with every span marked: Array.from splits into code
// points, the unit of casus's spans.
function highlighted(a) {
  const chars = Array.from(a.text);
  const marks = [];
  const add = (span, cls, title) => span && marks.push({ s: span[0], e: span[1], cls, title });
  (a.mentions || []).forEach((m) => add(m.span, "m", `${m.kind} ${m.actor?.code || ""}`));
  (a.places || []).forEach((p) => add(p.span, "pl", `${p.name} ${p.country || ""}`));
  (a.claims || []).forEach((c) => add(c.span, "cl", `${c.quantity} ${c.unit}`));
  (a.quotes || []).forEach((q) => add(q.content.span, "qu", `quote of ${q.speaker?.text || "?"}`));
  (a.events || []).forEach((e) => add(e.trigger.span, "t", `${e.cameo} ${e.plover?.category || ""}`));
  const open = Array.from({ length: chars.length + 1 }, () => []);
  const close = Array.from({ length: chars.length + 1 }, () => 0);
  for (const m of marks) {
    if (m.s >= m.e || m.e > chars.length) continue;
    open[m.s].push(m);
    close[m.e] += 1;
  }
  let out = "";
  for (let i = 0; i <= chars.length; i++) {
    out += "</span>".repeat(close[i]);
    for (const m of open[i].sort((x, y) => y.e - x.e)) out += `<span class="${m.cls}" title="${esc(m.title)}">`;
    if (i < chars.length) out += esc(chars[i]);
  }
  return out;
}

async function articleView(id) {
  const a = await api(`articles/${encodeURIComponent(id)}`);
  const cards = (a.events || []).map((e) => `<div class="card event-card"><div>${side(e.source)} → <span class="code">${esc(e.cameo)}</span> ${esc(e.plover?.category || "")} → ${side(e.target)}</div><div class="muted">“${esc(e.trigger.text)}” · ${esc(e.date || "")} · ${esc(e.location?.name || "no place")} · ${esc(e.modality)} · confidence ${e.confidence.toFixed(2)}</div></div>`).join("");
  const related = (a.related || []).map((r) => `<li><a href="#/article/${encodeURIComponent(r.id)}">${esc(r.title || r.id)}</a> <span class="muted">${esc(r.published)} · ${r.reasons.join(", ")}${r.same_story ? " · same story" : ""}</span></li>`).join("");
  view.innerHTML = `<section class="wide" id="article"><h2>${esc(a.title || a.id)}</h2><p class="muted">${esc(a.source || "")} · ${esc(a.published || "")} · <a class="num" href="#/events?article=${encodeURIComponent(a.id)}">${(a.events || []).length} events</a> · story ${esc(a.story)}${a.copy_of ? ` · copy of <a href="#/article/${encodeURIComponent(a.copy_of)}">${esc(a.copy_of)}</a>` : ""}</p><p class="legend"><span class="m">mention</span> <span class="t">event trigger</span> <span class="qu">quote</span> <span class="cl">claim</span> <span class="pl">place</span></p><div class="text">${highlighted(a)}</div></section><section id="cards"><h2>Events</h2>${cards || "<p>None.</p>"}</section><section id="related"><h2>Related articles (same story first)</h2><ul>${related || "<li>None.</li>"}</ul></section>`;
}

async function route() {
  const hash = location.hash.slice(1) || "/";
  try {
    if (hash.startsWith("/article/")) await articleView(decodeURIComponent(hash.slice(9)));
    else if (hash.startsWith("/events")) await eventList(Object.fromEntries(new URLSearchParams(hash.split("?")[1] || "")));
    else await overview();
  } catch (e) {
    view.innerHTML = `<section class="wide"><h2>Error</h2><p>${esc(e.message)}</p></section>`;
  }
}

form.addEventListener("submit", (ev) => {
  ev.preventDefault();
  if (location.hash && location.hash !== "#/") location.hash = "#/";
  else route();
});
window.addEventListener("hashchange", route);
api("stats").then((s) => {
  document.getElementById("stats").textContent = `${s.articles} articles, ${s.events} events, ${s.stories} stories, ${s.first} to ${s.last}`;
}).catch(() => {});
route();
