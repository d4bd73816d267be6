// The dashboard's views. Each takes the page's parameters and returns HTML;
// every number in it links to the events behind it.

import { api, esc, eventsLink, articleLink, eventFilters } from "./util.js";
import { timeline, dyadChart, network, map } from "./charts.js";

const intervalOf = (f) => (f.from && f.to && (new Date(f.to) - new Date(f.from)) / 864e5 <= 62 ? "day" : "week");

function storiesTable(stories) {
  if (!stories.items.length) return "<p>No stories.</p>";
  return `<table>${stories.items.map((s) => `<tr class="story"><td><a href="#/story/${encodeURIComponent(s.id)}">${esc(s.title || s.id)}</a></td><td class="muted">${s.first ? `${esc(s.first)} – ${esc(s.last)}` : "undated"}</td><td>${s.articles} articles</td></tr>`).join("")}</table>`;
}

export async function overview(f) {
  const ef = eventFilters(f);
  const interval = intervalOf(f);
  const [series, dyads, places, events, stories, hits] = await Promise.all([
    api("series", { ...ef, interval }),
    api("dyads", { from: f.from, to: f.to, limit: 30 }),
    api("places", ef),
    api("events", { ...ef, limit: 1 }),
    api("stories", { from: f.from, to: f.to, limit: 10 }),
    f.q ? api("search", { q: f.q, limit: 20 }) : null,
  ]);
  let html = "";
  if (hits) {
    html += `<section class="wide" id="search"><h2>${hits.total} articles match “${esc(f.q)}”</h2><table>${hits.items.map((h) => `<tr><td>${articleLink(h.id, h.title)}<div class="muted">${esc(h.published)} ${esc(h.source)}</div><div>${h.snippet || ""}</div></td></tr>`).join("")}</table></section>`;
  }
  html += `<section class="wide" id="timeline"><h2>Events over time (per ${interval}): ${eventsLink(ef, events.total + " events")}</h2>${undatedNote(series, events.total)}${timeline(series, ef, f, interval)}</section>`;
  html += `<section id="network"><h2>Who does what to whom</h2>${network(dyads, f)}</section>`;
  html += `<section id="map"><h2>Where</h2>${await map(places, ef)}</section>`;
  html += `<section class="wide" id="stories"><h2>Largest stories</h2>${storiesTable(stories)}</section>`;
  return html;
}

const side = (s) => (s && (s.code || s.text) ? `${esc(s.text || "")} <span class="muted">${esc(s.code || "")}</span>` : `<span class="muted">—</span>`);

function eventRows(items) {
  return items.map((e) => `<tr class="event"><td>${esc(e.date || "undated")}</td><td>${side(e.source)}</td><td class="code">${esc(e.cameo)} ${esc(e.plover || "")}</td><td>${side(e.target)}</td><td>${esc(e.place?.name || "")}</td><td>${esc(e.modality)}</td><td>${e.confidence.toFixed(2)}</td><td>${articleLink(e.article, e.title)} <span class="muted">“${esc(e.trigger.text)}”</span></td></tr>`).join("");
}

const eventTable = (items) => `<table><tr><th>date</th><th>source</th><th>code</th><th>target</th><th>place</th><th>modality</th><th>conf.</th><th>article, words</th></tr>${eventRows(items)}</table>`;

export async function eventList(params) {
  const page = await api("events", { limit: 100, ...params });
  const shown = Object.entries(params).map(([k, v]) => `${k}=${v}`).join(", ");
  return `<section class="wide" id="events"><h2>${page.total} events${shown ? " (" + esc(shown) + ")" : ""}; the first ${page.items.length}</h2>${eventTable(page.items)}</section>`;
}

/// Two actors: both directions on one timeline, then their latest events.
export async function dyadView(f) {
  const { a, b } = f;
  const span = { from: f.from, to: f.to };
  const interval = intervalOf(f);
  const [ab, ba, abEvents, baEvents] = await Promise.all([
    api("series", { ...span, source: a, target: b, interval }),
    api("series", { ...span, source: b, target: a, interval }),
    api("events", { ...span, source: a, target: b, limit: 25 }),
    api("events", { ...span, source: b, target: a, limit: 25 }),
  ]);
  const latest = [...abEvents.items, ...baEvents.items].sort((x, y) => (x.day < y.day ? 1 : x.day > y.day ? -1 : y.id - x.id)).slice(0, 25);
  return `<section class="wide" id="dyad"><h2>${esc(a)} and ${esc(b)} (per ${interval}): ${eventsLink({ ...span, source: a, target: b }, `${abEvents.total} events ${a} → ${b}`)}, ${eventsLink({ ...span, source: b, target: a }, `${baEvents.total} events ${b} → ${a}`)}</h2>${dyadChart(ab, ba, a, b, span, f, interval)}</section>` +
    `<section class="wide" id="dyad-events"><h2>Latest events between them</h2>${eventTable(latest)}</section>`;
}

/// How many of `total` events the timeline leaves out: those with no day
/// (an undated article, a text that dates nothing) are on no timeline.
export const undatedNote = (series, total) => {
  const dated = series.reduce((n, p) => n + p.events, 0);
  const undated = total - dated;
  return undated > 0 ? `<p class="muted" id="undated">${undated} undated event${undated === 1 ? "" : "s"} (no publication date, no date in the text) are not on the timeline.</p>` : "";
};

/// A story: its articles oldest first, its events over time, their dyads.
export async function storyView(id) {
  const story = await api(`stories/${encodeURIComponent(id)}`);
  const sf = { story: story.id };
  const [series, events, places] = await Promise.all([
    api("series", { ...sf, interval: "day" }),
    api("events", { ...sf, limit: 200 }),
    api("places", sf),
  ]);
  const dyads = {};
  for (const e of events.items) {
    if (!e.source?.code || !e.target?.code) continue;
    const k = `${e.source.code}>${e.target.code}`;
    const d = (dyads[k] ??= { source: e.source.code, target: e.target.code, events: 0, goldstein_sum: 0 });
    d.events += 1;
    d.goldstein_sum += e.goldstein;
  }
  const pairs = Object.values(dyads).map((d) => ({ ...d, goldstein_mean: d.goldstein_sum / d.events })).sort((x, y) => y.events - x.events).slice(0, 20);
  const members = story.members.map((m) => `<tr class="member"><td>${esc(m.published || "")}</td><td>${esc(m.source || "")}</td><td>${articleLink(m.id, m.title)}${m.copy_of ? ` <span class="muted">copy of ${esc(m.copy_of)}</span>` : ""}</td><td>${eventsLink({ article: m.id, copies: m.copy_of ? "true" : "" }, `${m.events} events`)}</td></tr>`).join("");
  const shown = story.members.length < story.articles ? `<p class="muted">The first ${story.members.length} of ${story.articles} articles.</p>` : "";
  return `<section class="wide" id="story"><h2>Story: ${esc(story.title || story.id)}</h2><p class="muted">${story.first ? `${esc(story.first)} – ${esc(story.last)}` : "undated"} · ${story.articles} articles · ${eventsLink(sf, events.total + " events")} (copies counted once)</p><table>${members}</table>${shown}</section>` +
    `<section class="wide" id="story-timeline"><h2>The story's events per day</h2>${timeline(series, sf, {}, "day")}</section>` +
    `<section id="story-network"><h2>Who does what to whom in it${events.items.length < events.total ? ` (its latest ${events.items.length} events)` : ""}</h2>${network(pairs, {})}</section>` +
    `<section id="story-map"><h2>Where</h2>${await map(places, sf)}</section>` +
    `<section class="wide" id="story-events"><h2>Its events, newest first</h2>${eventTable(events.items.slice(0, 50))}</section>`;
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

export async function articleView(id) {
  const a = await api(`articles/${encodeURIComponent(id)}`);
  const cards = (a.events || []).map((e) => `<div class="card event-card"><div>${side(e.source)} → <span class="code">${esc(e.cameo)}</span> ${esc(e.plover?.category || "")} → ${side(e.target)}</div><div class="muted">“${esc(e.trigger.text)}” · ${esc(e.date || "")} · ${esc(e.location?.name || "no place")} · ${esc(e.modality)} · confidence ${e.confidence.toFixed(2)}</div></div>`).join("");
  const related = (a.related || []).map((r) => `<li>${articleLink(r.id, r.title)} <span class="muted">${esc(r.published)} · ${r.reasons.join(", ")}${r.same_story ? " · same story" : ""}</span></li>`).join("");
  const copies = a.copy_of ? "true" : "";
  return `<section class="wide" id="article"><h2>${esc(a.title || a.id)}</h2><p class="muted">${esc(a.source || "")} · ${esc(a.published || "undated")} · ${eventsLink({ article: a.id, copies }, `${(a.events || []).length} events`)} · <a href="#/story/${encodeURIComponent(a.story)}">the story</a>${a.copy_of ? ` · copy of ${articleLink(a.copy_of)}` : ""}</p><p class="legend"><span class="m">mention</span> <span class="t">event trigger</span> <span class="qu">quote</span> <span class="cl">claim</span> <span class="pl">place</span></p><div class="text">${highlighted(a)}</div></section><section id="cards"><h2>Events</h2>${cards || "<p>None.</p>"}</section><section id="related"><h2>Related articles (same story first)</h2><ul>${related || "<li>None.</li>"}</ul></section>`;
}

