"use strict";
// The console: renders status.json, a function's log, a table's items and the latest traces.

const $ = id => document.getElementById(id);

function cell(row, content, className) {
  const td = row.insertCell();
  if (content instanceof Node) td.appendChild(content); else td.textContent = content ?? "";
  if (className) td.className = className;
  return td;
}

function fill(table, columns, rows) {
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  columns.forEach(([title]) => { const th = document.createElement("th"); th.textContent = title; head.appendChild(th); });
  const body = table.createTBody();
  if (rows.length === 0) {
    const td = cell(body.insertRow(), "none", "muted");
    td.colSpan = columns.length;
    return;
  }
  rows.forEach(row => {
    const tr = body.insertRow();
    columns.forEach(([, value, className]) => cell(tr, value(row), typeof className === "function" ? className(row) : className));
  });
}

function link(text, href) {
  const a = document.createElement("a");
  a.textContent = text;
  a.href = href;
  return a;
}

function button(text, onClick) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "link";
  b.textContent = text;
  b.addEventListener("click", onClick);
  return b;
}

function ms(value) {
  return value.toFixed(value < 10 ? 1 : 0) + " ms";
}

async function getJson(url) {
  const response = await fetch(url, { cache: "no-store" });
  const body = await response.json();
  if (!response.ok) throw new Error(body.message || "HTTP " + response.status);
  return body;
}

let selectedTable = null;

function renderStatus(status) {
  $("endpoint").textContent = status.endpoint;
  fill($("stacks"), [
    ["Stack", s => s.name],
    ["Status", s => s.status, s => s.status.endsWith("COMPLETE") && !s.status.includes("ROLLBACK") ? "ok" : "bad"],
    ["API", s => s.apiUrl || ""],
    ["Outputs", s => Object.entries(s.outputs).map(([k, v]) => k + " = " + v).join("\n"), "outputs mono"],
  ], status.stacks);
  fill($("functions"), [
    ["Function", f => f.name],
    ["Instances", f => f.instances + (f.busyInstances ? " (" + f.busyInstances + " busy)" : ""), "num"],
    ["Cold invokes", f => f.coldInvokes, "num"],
    ["Warm invokes", f => f.warmInvokes, "num"],
    ["Latest invoke", f => {
      const last = f.recentInvocations[0];
      if (!last) return "";
      return (last.coldStart ? "cold, init " + ms(last.initDurationMs) + ", " : "warm, ") + ms(last.durationMs) + ", " + last.status;
    }, f => f.recentInvocations[0] && f.recentInvocations[0].status !== "success" ? "bad" : ""],
    ["", f => button("logs", () => { $("log-function").value = f.name; refreshLogs(); })],
  ], status.functions);
  const select = $("log-function");
  const chosen = select.value;
  const names = status.functions.map(f => f.name);
  if ([...select.options].map(o => o.value).join() !== names.join()) {
    select.replaceChildren(...names.map(name => new Option(name, name)));
    if (names.includes(chosen)) select.value = chosen;
  }
  fill($("tables"), [
    ["Table", t => t.name],
    ["Items", t => t.items, "num"],
    ["", t => button("show items", () => { selectedTable = t.name; refreshItems(); })],
  ], status.tables);
  fill($("topics"), [
    ["Topic", t => t.name],
    ["Published", t => t.published, "num"],
    ["Subscribers", t => t.subscribers.map(s => s.protocol + " " + s.endpoint.split(":").pop()
        + ": " + s.delivered + " delivered" + (s.failed ? ", " + s.failed + " failed" : "")
        + (s.filteredOut ? ", " + s.filteredOut + " filtered out" : "")).join("\n"), "outputs"],
  ], status.topics);
  fill($("queues"), [
    ["Queue", q => q.name],
    ["Depth", q => q.depth, q => q.deadLetterQueueOf.length && q.depth ? "num bad" : "num"],
    ["Visible / in flight / delayed", q => q.visible + " / " + q.inFlight + " / " + q.delayed, "num"],
    ["Dead-letter queue of", q => q.deadLetterQueueOf.join(", ")],
  ], status.queues);
}

function logLine(line) {
  const span = document.createElement("span");
  span.textContent = line + "\n";
  if (line.startsWith("START RequestId")) span.className = "start";
  else if (line.startsWith("END RequestId")) span.className = "end";
  else if (line.startsWith("REPORT RequestId")) span.className = "report";
  else if (/error|exception|timed out/i.test(line)) span.className = "error";
  return span;
}

async function refreshLogs() {
  const name = $("log-function").value;
  const pre = $("logs");
  if (!name) { pre.textContent = "No functions yet."; return; }
  try {
    const logs = await getJson("functions/" + encodeURIComponent(name) + "/logs");
    const atBottom = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 4;
    pre.replaceChildren(...(logs.lines.length ? logs.lines.map(logLine) : [document.createTextNode("No log lines yet: the function has not run.")]));
    if (atBottom) pre.scrollTop = pre.scrollHeight;
  } catch (e) {
    pre.textContent = "Could not read the log: " + e.message;
  }
}

async function refreshItems() {
  if (!selectedTable) return;
  try {
    const result = await getJson("tables/" + encodeURIComponent(selectedTable));
    $("items-panel").hidden = false;
    $("items-title").textContent = result.table + ": " + result.itemCount + " items"
        + (result.items.length < result.itemCount ? " (first " + result.items.length + " shown)" : "");
    const columns = [...new Set(result.items.flatMap(item => Object.keys(item)))];
    fill($("items"), columns.map(c => [c, item => item[c] === undefined ? "" :
        typeof item[c] === "object" ? JSON.stringify(item[c]) : String(item[c]), "mono"]), result.items);
  } catch (e) {
    $("items-title").textContent = "Could not read " + selectedTable + ": " + e.message;
  }
}

function renderTraces(list) {
  fill($("traces"), [
    ["Started", t => new Date(t.start).toLocaleTimeString()],
    ["Entry", t => t.entry.service + " " + t.entry.name],
    ["Hops", t => t.hops, "num"],
    ["Cold starts", t => t.coldStarts, t => t.coldStarts ? "num cold" : "num"],
    ["Duration", t => ms(t.durationMs), "num"],
    ["Status", t => t.failed ? "failed" : "ok", t => t.failed ? "bad" : "ok"],
    ["", t => {
      const span = document.createElement("span");
      span.append(link("timeline", "rider/?trace=" + encodeURIComponent(t.traceId)), " · ",
          link("JSON", "traces/" + encodeURIComponent(t.traceId)));
      return span;
    }],
  ], list.traces);
}

async function refresh() {
  try {
    const [status, traces] = await Promise.all([getJson("status.json"), getJson("traces?limit=20")]);
    renderStatus(status);
    renderTraces(traces);
    await Promise.all([refreshLogs(), refreshItems()]);
  } catch (e) {
    $("endpoint").textContent = "(local-cloud is not answering: " + e.message + ")";
  }
}

$("log-function").addEventListener("change", refreshLogs);
refresh();
setInterval(refresh, 2000);
