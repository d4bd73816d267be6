// Small helpers shared by the dashboard's modules.

export const PENTA = ["#7aa6d6", "#4caf50", "#bbbbbb", "#ff9800", "#d32f2f"];
export const PENTA_NAMES = ["0 statement", "1 verbal coop.", "2 material coop.", "3 verbal conflict", "4 material conflict"];

export const esc = (s) => String(s ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
export const svgEl = (w, h, body, cls = "") => `<svg class="${cls}" viewBox="0 0 ${w} ${h}" role="img">${body}</svg>`;

/// Drops empty values, so links and API calls carry only what is set.
export function clean(params) {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ""));
}

export const qs = (params) => new URLSearchParams(clean(params)).toString();

export async function api(path, params = {}) {
  const q = qs(params);
  const r = await fetch(`/api/${path}${q ? "?" + q : ""}`);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

/// A link to the events `params` select, labelled with a number.
export const eventsLink = (params, label) => `<a class="num" href="#/events?${qs(params)}">${esc(label)}</a>`;

export const articleLink = (id, title) => `<a href="#/article/${encodeURIComponent(id)}">${esc(title || id)}</a>`;

export function dayBefore(iso) {
  const d = new Date(iso + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/// The legend of the PentaClass colours.
export const pentaLegend = () => PENTA_NAMES.map((n, c) => `<span><i style="background:${PENTA[c]}"></i>${n}</span>`).join("");

/// The event filters among the page's parameters (search words and view
/// settings are not event filters).
export function eventFilters(f) {
  const { q, with: _with, a, b, ...rest } = f;
  return clean(rest);
}
