// How long the casus dashboard's pages take to load, in headless Chromium.
//
//   node pageload.mjs --url http://127.0.0.1:8080 [--runs 5] [--json]
//
// The pages are picked from what the store holds: the overview, the
// overview for the busiest actor, the busiest pair, the largest story, the
// newest article, the busiest actor's events and a search. Each run loads
// each page in a fresh browser context (no cache) and reads the time the
// dashboard itself records when the view has rendered (<body
// data-ready-ms>: from the start of the navigation to the view drawn, every
// API call and the map's outlines included). Then, in the page, it clicks
// through: a network edge to its pair, a bar to its events, an event to its
// article; each is timed from the click to the new view drawn.

import { chromium } from "playwright-core";

// --name value, or --name alone for a flag.
const args = {};
process.argv.slice(2).forEach((a, i, all) => {
  if (a.startsWith("--")) args[a.slice(2)] = all[i + 1] && !all[i + 1].startsWith("--") ? all[i + 1] : true;
});
const base = String(args.url || "http://127.0.0.1:8080").replace(/\/$/, "");
const runs = Number(args.runs || 5);

const get = async (path) => (await fetch(base + path)).json();

async function pages() {
  const [actors, dyads, stories, articles, stats] = await Promise.all([
    get("/api/actors?limit=1"), get("/api/dyads?limit=1"), get("/api/stories?limit=1"), get("/api/articles?limit=1"), get("/api/stats"),
  ]);
  const actor = actors.items[0]?.code ?? actors.items[0]?.id;
  const out = { overview: "#/" };
  if (actor) out["overview, busiest actor"] = `#/?actor=${encodeURIComponent(actor)}`;
  if (dyads[0]) out["busiest pair"] = `#/dyad?a=${encodeURIComponent(dyads[0].source)}&b=${encodeURIComponent(dyads[0].target)}`;
  if (stories.items[0]) out["largest story"] = `#/story/${encodeURIComponent(stories.items[0].id)}`;
  if (articles.items[0]) out["newest article"] = `#/article/${encodeURIComponent(articles.items[0].id)}`;
  if (actor) out["busiest actor's events"] = `#/events?actor=${encodeURIComponent(actor)}`;
  const word = (articles.items[0]?.title || "").split(/\W+/).find((w) => w.length > 4);
  if (word) out.search = `#/?q=${encodeURIComponent(word)}`;
  return { out, stats };
}

async function ready(page, previous) {
  await page.waitForFunction((prev) => document.body.dataset.ready && document.body.dataset.ready !== prev, previous, { timeout: 60000 });
  return page.evaluate(() => ({ hash: document.body.dataset.ready, ms: Number(document.body.dataset.readyMs) }));
}

async function clickThrough(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + "/#/");
  let state = await ready(page, "");
  const timings = {};
  for (const [name, selector] of [["edge → pair", "a:has(.edge)"], ["bar → events", "a:has(.bar)"], ["event → article", "tr.event a[href^='#/article/']"]]) {
    // The last drawn is on top (the network draws the busiest edge last).
    const link = page.locator(selector).last();
    if (!(await link.count())) continue;
    await link.click({ timeout: 3000 }).catch(() => link.dispatchEvent("click"));
    state = await ready(page, state.hash);
    timings[name] = state.ms;
  }
  await context.close();
  return timings;
}

const pct = (xs, p) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

const browser = await chromium.launch({
  executablePath: process.env.CASUS_CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const { out: targets, stats } = await pages();
const times = Object.fromEntries(Object.keys(targets).map((k) => [k, []]));
const clicks = {};
for (let run = 0; run < runs; run++) {
  for (const [name, hash] of Object.entries(targets)) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/${hash}`);
    times[name].push((await ready(page, "")).ms);
    await context.close();
  }
  for (const [name, ms] of Object.entries(await clickThrough(browser))) (clicks[name] ??= []).push(ms);
}
await browser.close();

const rows = [...Object.entries(times).map(([k, v]) => [`load: ${k}`, targets[k], v]), ...Object.entries(clicks).map(([k, v]) => [`click: ${k}`, "", v])];
const result = {
  store: { articles: stats.articles, events: stats.events, stories: stats.stories },
  runs,
  pages: rows.map(([name, hash, v]) => ({ name, hash, p50_ms: pct(v, 50), max_ms: Math.max(...v), runs_ms: v })),
};
if (args.json) console.log(JSON.stringify(result, null, 2));
else {
  console.log(`store: ${stats.articles} articles, ${stats.events} events, ${stats.stories} stories; ${runs} runs, fresh context per load`);
  console.log("page\tp50 ms\tmax ms\thash");
  for (const p of result.pages) console.log(`${p.name}\t${p.p50_ms}\t${p.max_ms}\t${p.hash}`);
}
