// casus dashboard: plain ES modules, no outside dependencies, no build
// step. The page's state lives in the URL's hash, so every view can be
// bookmarked and shared:
//
//   #/?actor=IRQGOV&from=2024-01-01      the overview, filtered
//   #/dyad?a=USA&b=IRQ                   two actors face to face
//   #/story/ID                           a story and its articles
//   #/article/ID                         an article, its words highlighted
//   #/events?category=ASSAULT            the events behind any number
//
// When a view has rendered, <body data-ready> holds its hash and
// data-ready-ms how long it took: from the navigation's start for the page
// first loaded, from the click for a view opened in the page (the
// end-to-end tests and the page-load benchmark, scripts/pageload.sh, read
// them).

import { api, esc, qs, clean } from "./util.js";
import { overview, eventList, dyadView, storyView, articleView } from "./views.js";

const view = document.getElementById("view");
const form = document.getElementById("filters");

// The form's values as page parameters.
function formParams() {
  const f = clean(Object.fromEntries(new FormData(form)));
  if (f.category) f.category = f.category.toUpperCase();
  return f;
}

// Shows `params` in the form, so the filters on screen are the page's.
function fillForm(params) {
  for (const input of form.elements) if (input.name) input.value = params[input.name] ?? "";
}

function parse(hash) {
  const [path, query] = (hash.slice(1) || "/").split("?");
  return { path, params: Object.fromEntries(new URLSearchParams(query || "")) };
}

let firstView = true;

async function route() {
  const started = firstView ? 0 : performance.now();
  firstView = false;
  const hash = location.hash || "#/";
  delete document.body.dataset.ready;
  const { path, params } = parse(hash);
  try {
    let html;
    if (path.startsWith("/article/")) html = await articleView(decodeURIComponent(path.slice(9)));
    else if (path.startsWith("/story/")) html = await storyView(decodeURIComponent(path.slice(7)));
    else if (path === "/events") html = await eventList(params);
    else if (path === "/dyad") {
      fillForm({ ...params, actor: params.a, with: params.b });
      html = await dyadView(params);
    } else {
      fillForm(params);
      html = await overview(params);
    }
    if ((location.hash || "#/") !== hash) return; // a newer view is on its way
    view.innerHTML = html;
  } catch (e) {
    view.innerHTML = `<section class="wide"><h2>Error</h2><p>${esc(e.message)}</p></section>`;
  }
  document.body.dataset.readyMs = Math.round(performance.now() - started);
  document.body.dataset.ready = hash;
}

// Show: two actors make a dyad view, anything else the overview.
form.addEventListener("submit", (ev) => {
  ev.preventDefault();
  const { actor, with: other, ...rest } = formParams();
  const next = actor && other ? `#/dyad?${qs({ a: actor, b: other, from: rest.from, to: rest.to })}` : `#/?${qs({ actor, ...rest })}`;
  if (location.hash === next) route();
  else location.hash = next;
});
window.addEventListener("hashchange", route);
api("stats").then((s) => {
  const range = s.first ? `${s.first} to ${s.last}` : "no dated articles";
  const undated = s.undated_articles ? ` (${s.undated_articles} undated)` : "";
  document.getElementById("stats").textContent = `${s.articles} articles${undated}, ${s.events} events, ${s.stories} stories, ${range}`;
}).catch(() => {});
route();
