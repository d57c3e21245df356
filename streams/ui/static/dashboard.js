// The live dashboard: one EventSource on /api/stream (a snapshot, then one message per change),
// rendered in place with plain DOM calls and inline SVG (no build step, no CDN).
"use strict";

const MAX_FEED = 100;
const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"];
const state = { windows: new Map(), tolls: new Map(), events: [], alerts: new Map(), updates: 0 };
const open = new Set(); // series whose provenance row is expanded

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v; else node.setAttribute(k, v);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

const hhmm = (iso) => iso.slice(11, 16);
const bound = (v) => (v === null || v === undefined ? "open" : v);

// --- chart -------------------------------------------------------------------------------------

// Deaths reported in the hour per party: its "party/all/killed" series when there is one (it already
// counts civilians and soldiers), else the sum of its military and civilian series.
function deathsByParty(window) {
  const total = {}, parts = {};
  for (const [series, n] of Object.entries(window.killed || {})) {
    const [party, population] = series.split("/");
    if (population === "all") total[party] = n; else parts[party] = (parts[party] || 0) + n;
  }
  return { ...parts, ...total };
}

function renderChart() {
  const chart = document.getElementById("chart");
  const windows = [...state.windows.values()].sort((a, b) => a.window_start.localeCompare(b.window_start));
  const width = chart.clientWidth || 800, height = 260, left = 34, bottom = 20, mid = 110;
  chart.setAttribute("viewBox", `0 0 ${width} ${height}`);
  chart.replaceChildren();
  const parties = [...new Set(windows.flatMap((w) => Object.keys(deathsByParty(w))))].sort();
  const maxEvents = Math.max(1, ...windows.map((w) => w.events));
  const maxDeaths = Math.max(1, ...windows.flatMap((w) => Object.values(deathsByParty(w))));
  const slot = (width - left) / Math.max(windows.length, 1);
  chart.append(svg("text", { x: 0, y: 12, class: "axis" }, `events (max ${maxEvents})`));
  chart.append(svg("text", { x: 0, y: mid + 16, class: "axis" }, `deaths (max ${maxDeaths})`));
  windows.forEach((w, i) => {
    const x = left + i * slot;
    const h = ((mid - 20) * w.events) / maxEvents;
    const bar = svg("rect", { x: x + 2, y: mid - h, width: Math.max(slot - 4, 1), height: h,
                              fill: w.final ? "#9aa5b1" : "#f2b84b", "data-hour": w.window_start });
    bar.append(svg("title", {}, `${w.window_start}: ${w.events} events${w.final ? " (final)" : " (open)"}`));
    chart.append(bar);
    const deaths = deathsByParty(w);
    const barWidth = Math.max((slot - 4) / Math.max(parties.length, 1), 1);
    parties.forEach((party, j) => {
      const n = Math.max(deaths[party] || 0, 0);
      const dh = ((height - bottom - mid - 24) * n) / maxDeaths;
      const rect = svg("rect", { x: x + 2 + j * barWidth, y: height - bottom - dh, width: barWidth, height: dh,
                                 fill: COLORS[j % COLORS.length] });
      rect.append(svg("title", {}, `${hhmm(w.window_start)} ${party}: ${deaths[party] || 0} deaths reported`));
      chart.append(rect);
    });
    if (windows.length < 30 || i % 2 === 0) {
      chart.append(svg("text", { x: x + slot / 2, y: height - 4, "text-anchor": "middle", class: "axis" },
                       hhmm(w.window_start)));
    }
  });
  document.getElementById("legend").replaceChildren(
    el("span", {}, el("i", { style: "background:#9aa5b1" }), "events (final hour)"),
    el("span", {}, el("i", { style: "background:#f2b84b" }), "events (open hour)"),
    ...parties.map((p, j) => el("span", {}, el("i", { style: `background:${COLORS[j % COLORS.length]}` }),
                                p === "all" ? "all sides (totals)" : p)));
}

// --- tolls, alerts, feed -----------------------------------------------------------------------

function provenance(toll) {
  return toll.claims.map((c) => `${c.published_at} ${c.source} (${c.kind} ${c.min}${c.max === c.min ? "" : "–" + bound(c.max)}` +
                                `${c.counted ? "" : ", not counted"}): “${c.text}”`).join("\n");
}

function renderTolls(changed) {
  const body = document.querySelector("#tolls tbody");
  body.replaceChildren();
  for (const series of [...state.tolls.keys()].sort()) {
    const t = state.tolls.get(series);
    const row = el("tr", { class: "toll" + (series === changed ? " changed" : ""), "data-series": series,
                           title: provenance(t) },
                   el("td", {}, series), el("td", { class: "n" }, t.min), el("td", { class: "n best" }, t.best),
                   el("td", { class: "n" }, bound(t.max)), el("td", {}, t.as_of.replace("T", " ").replace("Z", "")));
    row.addEventListener("click", () => { open.has(series) ? open.delete(series) : open.add(series); renderTolls(); });
    body.append(row);
    if (open.has(series)) {
      const items = t.claims.map((c) => el("li", { class: c.counted ? "" : "uncounted" },
        `${hhmm(c.published_at)} ${c.source}, ${c.kind} ${c.min}${c.max === c.min ? "" : "–" + bound(c.max)}: “${c.text}”`));
      body.append(el("tr", { class: "provenance", "data-series": series }, el("td", { colspan: 5 }, el("ul", {}, ...items))));
    }
  }
}

function renderAlerts() {
  const list = document.getElementById("alerts");
  list.replaceChildren(...[...state.alerts.values()].reverse().map((a) =>
    el("li", { class: a.status, "data-fingerprint": a.fingerprint },
       el("span", { class: `sev-${a.severity}` }, `${a.status} ${a.severity}`), " ", a.summary,
       el("div", { class: "meta" }, `${a.rule} · since ${a.starts_at}${a.ends_at ? " · until " + a.ends_at : ""}`))));
}

function feedItem(e) {
  return el("li", { "data-event-id": e.event_id },
    el("span", { class: "meta" }, hhmm(e.published_at)), " ", el("span", { class: "cat" }, e.category), " ", e.headline,
    el("div", { class: "meta" }, `${e.actors.join(", ") || "no actors"} · ${e.sources.join(", ")}`));
}

function renderCounts() {
  const finals = [...state.windows.values()].filter((w) => w.final).length;
  document.getElementById("counts").textContent =
    `${state.windows.size} hours (${finals} final) · ${state.tolls.size} toll series · ${state.events.length} events shown`;
  document.body.dataset.updates = String(state.updates);
}

// --- stream ------------------------------------------------------------------------------------

const handlers = {
  snapshot(s) {
    state.windows = new Map(s.windows.map((w) => [w.window_start, w]));
    state.tolls = new Map(s.tolls.map((t) => [t.series, t]));
    state.events = s.events.slice(0, MAX_FEED);
    state.alerts = new Map(s.alerts.slice().reverse().map((a) => [a.fingerprint, a]));
    renderChart(); renderTolls(); renderAlerts();
    document.getElementById("feed").replaceChildren(...state.events.map(feedItem));
  },
  window(w) { state.windows.set(w.window_start, w); renderChart(); },
  toll(t) { state.tolls.set(t.series, t); renderTolls(t.series); },
  event(e) {
    state.events.unshift(e);
    const feed = document.getElementById("feed");
    feed.prepend(feedItem(e));
    while (state.events.length > MAX_FEED) { state.events.pop(); feed.lastChild.remove(); }
  },
  alert(a) { state.alerts.delete(a.fingerprint); state.alerts.set(a.fingerprint, a); renderAlerts(); },
};

function connect() {
  const status = document.getElementById("status");
  const source = new EventSource("/api/stream");
  source.onopen = () => { status.textContent = "live"; status.classList.add("live"); };
  source.onerror = () => { status.textContent = "reconnecting…"; status.classList.remove("live"); };
  for (const [kind, handle] of Object.entries(handlers)) {
    source.addEventListener(kind, (message) => { handle(JSON.parse(message.data)); state.updates += 1; renderCounts(); });
  }
}

window.addEventListener("resize", renderChart);
connect();
