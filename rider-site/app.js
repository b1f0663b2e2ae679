"use strict";
// The rider's page: pick a pickup point on the map, request a unicorn from the wild-rydes API, and
// (when local-cloud serves the page) watch the request's path hop by hop.
(() => {
  const STORAGE_KEY = "wildrydes.api";
  const REQUEST_TIMEOUT_MS = 35000;
  // A hop is recorded when it ends, and an asynchronous hop (an SNS delivery's function) may end well
  // after the rider's answer, a cold start later: the trace counts as complete after 4 quiet seconds.
  const TRACE_POLL_MS = 250;
  const TRACE_SETTLED_POLLS = 16;
  const TRACE_GIVE_UP_MS = 30000;
  // The drawn city covers this box of the real world, north-west corner first.
  const MAP = { width: 600, height: 380, north: 47.64, south: 47.58, west: -122.36, east: -122.28 };
  const STABLE = { x: 243, y: 195 };
  const COLOURS = { golden: "#d9a93a", white: "#f7f7f2", yellow: "#f4d64a", black: "#2b2b2b", silver: "#c0c4c8" };

  const $ = id => document.getElementById(id);
  const state = { pickup: null, config: null, apiUrl: "", traceToken: 0, animation: 0 };

  // ---- The API URL: from ?api=, else what the rider chose, else what local-cloud says.

  async function loadConfig() {
    if (!location.protocol.startsWith("http")) return null;
    try {
      const response = await fetch("config.json", { cache: "no-store" });
      if (!response.ok) return null;
      const config = await response.json();
      return typeof config.tracesUrl === "string" ? config : null;
    } catch (notServedByLocalCloud) {
      return null;
    }
  }

  function remembered() {
    try {
      const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) || "null");
      return saved && typeof saved.url === "string" ? saved : null;
    } catch (unavailable) {
      return null;
    }
  }

  // A choice is remembered together with the local-cloud default it replaced: a new local-cloud run
  // deploys a new API id, and then its own URL is the better guess again.
  function remember(url) {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ url, over: state.config ? state.config.apiUrl : null }));
    } catch (unavailable) {
      // private browsing: the choice lasts as long as the page
    }
  }

  function useApi(url, source) {
    state.apiUrl = url.trim();
    $("api-url").value = state.apiUrl;
    $("api-source").textContent = source;
  }

  /** POST /ride's URL from what the rider typed: the stack's RideApiUrl output, or its API's base URL. */
  function rideUrl(api) {
    if (!api) {
      throw new Error("Set the API URL first: your wild-rydes stack's RideApiUrl output, "
          + "for example https://abc123defg.execute-api.us-east-1.amazonaws.com/Prod/ride.");
    }
    let url;
    try {
      url = new URL(api);
    } catch (notAUrl) {
      throw new Error("The API URL '" + api + "' is not a URL; it should look like "
          + "https://abc123defg.execute-api.us-east-1.amazonaws.com/Prod/ride.");
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      throw new Error("The API URL must start with https:// (or http:// for local-cloud), not " + url.protocol + "//.");
    }
    const base = url.href.replace(/\/+$/, "");
    return base.endsWith("/ride") ? base : base + "/ride";
  }

  // ---- The map.

  function svgPoint(event) {
    const map = $("map");
    const point = map.createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    return point.matrixTransform(map.getScreenCTM().inverse());
  }

  function toLocation(x, y) {
    const round = value => Math.round(value * 1e6) / 1e6;
    return {
      Latitude: round(MAP.north - (y / MAP.height) * (MAP.north - MAP.south)),
      Longitude: round(MAP.west + (x / MAP.width) * (MAP.east - MAP.west)),
    };
  }

  function setPickup(x, y) {
    const clampedX = Math.min(Math.max(x, 0), MAP.width);
    const clampedY = Math.min(Math.max(y, 0), MAP.height);
    state.pickup = { x: clampedX, y: clampedY, location: toLocation(clampedX, clampedY) };
    const pin = $("pickup-pin");
    pin.setAttribute("transform", "translate(" + clampedX.toFixed(1) + " " + clampedY.toFixed(1) + ")");
    pin.setAttribute("visibility", "visible");
    const { Latitude, Longitude } = state.pickup.location;
    $("pickup").textContent = "Pickup at " + Latitude.toFixed(6) + ", " + Longitude.toFixed(6);
    $("pickup").dataset.latitude = Latitude;
    $("pickup").dataset.longitude = Longitude;
    $("request-button").disabled = false;
  }

  function colourOf(name) {
    const key = String(name || "").toLowerCase();
    if (COLOURS[key]) return COLOURS[key];
    return window.CSS && CSS.supports("color", key) ? key : "#b0b6be";
  }

  /** The unicorn trots from the stables to the pickup point. */
  function sendUnicorn(colour) {
    const marker = $("unicorn-marker");
    $("unicorn-body").setAttribute("fill", colour);
    $("unicorn-head").setAttribute("fill", colour);
    marker.setAttribute("visibility", "visible");
    const from = STABLE;
    const to = { x: state.pickup.x - 18, y: state.pickup.y - 8 };
    const token = ++state.animation;
    const started = performance.now();
    const step = now => {
      if (token !== state.animation) return;
      const t = Math.min(1, (now - started) / 1200);
      const ease = t < 0.5 ? 2 * t * t : 1 - Math.pow(-2 * t + 2, 2) / 2;
      const x = from.x + (to.x - from.x) * ease;
      const y = from.y + (to.y - from.y) * ease - Math.sin(Math.PI * t) * 30;
      marker.setAttribute("transform", "translate(" + x.toFixed(1) + " " + y.toFixed(1) + ")");
      if (t < 1) requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }

  // ---- Requesting a ride.

  function showError(message) {
    const error = $("error");
    error.textContent = message;
    error.hidden = false;
  }

  function clearResult() {
    $("error").hidden = true;
    $("error").textContent = "";
    $("ride").hidden = true;
    $("unicorn-marker").setAttribute("visibility", "hidden");
    state.animation++;
  }

  function httpError(status, text) {
    let body = null;
    try {
      body = JSON.parse(text);
    } catch (notJson) {
      // the message stays generic below
    }
    const message = body && (body.message || body.Message || body.errorMessage);
    const code = body && typeof body.error === "string" ? " " + body.error : "";
    let hint = "";
    if (status === 403 && message === "Missing Authentication Token") {
      hint = " API Gateway has no such route: check that the API URL is the stack's POST /ride URL (ending in /Prod/ride).";
    }
    return "The ride could not be requested: HTTP " + status + code + ". "
        + (message ? String(message) : "The API gave no explanation.") + hint;
  }

  async function requestRide() {
    clearResult();
    let url;
    try {
      url = rideUrl(state.apiUrl);
    } catch (badUrl) {
      showError(badUrl.message);
      return;
    }
    const button = $("request-button");
    button.disabled = true;
    $("status").textContent = "Requesting a unicorn…";
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
    const started = performance.now();
    let response;
    let text;
    try {
      response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ PickupLocation: state.pickup.location }),
        signal: controller.signal,
        cache: "no-store",
      });
      text = await response.text();
    } catch (failure) {
      $("status").textContent = "";
      showError(failure.name === "AbortError"
          ? "The API at " + url + " did not answer within " + REQUEST_TIMEOUT_MS / 1000 + " seconds."
          : "Could not reach the API at " + url + ". Check the API URL; a deployed API must also allow this "
            + "page's origin (CORS).");
      return;
    } finally {
      clearTimeout(timer);
      button.disabled = false;
    }
    const latencyMs = performance.now() - started;
    $("status").textContent = "The API answered HTTP " + response.status + " in " + Math.round(latencyMs) + " ms.";
    if (response.status === 201) {
      showRide(text, latencyMs);
    } else {
      showError(httpError(response.status, text));
    }
    followTrace(response.headers.get("X-Amzn-Trace-Id"));
  }

  function showRide(text, latencyMs) {
    let ride;
    try {
      ride = JSON.parse(text);
    } catch (notJson) {
      ride = null;
    }
    if (!ride || !ride.Unicorn || typeof ride.Unicorn.Name !== "string") {
      showError("The API answered 201 but its body is not a ride: " + String(text).slice(0, 200));
      return;
    }
    const colour = colourOf(ride.Unicorn.Color);
    $("unicorn-name").textContent = ride.Unicorn.Name;
    $("unicorn-color").textContent = ride.Unicorn.Color || "(not given)";
    $("unicorn-swatch").setAttribute("fill", colour);
    $("ride-id").textContent = ride.RideId || "(not given)";
    $("request-time").textContent = ride.RequestTime || "";
    $("latency").textContent = Math.round(latencyMs) + " ms";
    $("ride").hidden = false;
    sendUnicorn(colour);
  }

  // ---- The trace: local-cloud records every hop under the Root of X-Amzn-Trace-Id.

  function rootOf(header) {
    const match = /Root=(1-[0-9a-f]{8}-[0-9a-f]{24})/.exec(header || "");
    return match ? match[1] : null;
  }

  function traceNote(text) {
    $("trace-note").textContent = text;
  }

  function followTrace(header) {
    const token = ++state.traceToken;
    $("trace").replaceChildren();
    $("trace-id").textContent = "";
    if (!state.config) {
      traceNote("Traces are recorded when local-cloud serves this page. On AWS, find this request in X-Ray.");
      return;
    }
    const root = rootOf(header);
    if (!root) {
      traceNote("The answer carried no X-Amzn-Trace-Id header, so there is no trace to show.");
      return;
    }
    pollTrace(root, token);
  }

  /** Hops are recorded as they end, asynchronous ones later than the answer: poll until the trace settles. */
  async function pollTrace(root, token) {
    $("trace-id").textContent = root;
    traceNote("Collecting the hops…");
    const deadline = performance.now() + TRACE_GIVE_UP_MS;
    let lastCount = -1;
    let unchanged = 0;
    while (token === state.traceToken && performance.now() < deadline && unchanged < TRACE_SETTLED_POLLS) {
      try {
        const response = await fetch(state.config.tracesUrl + encodeURIComponent(root), { cache: "no-store" });
        if (response.ok) {
          const trace = await response.json();
          if (token !== state.traceToken) return;
          if (trace.spans.length !== lastCount) {
            renderTrace(trace);
            lastCount = trace.spans.length;
            unchanged = 0;
          } else {
            unchanged++;
          }
        }
      } catch (notAnswering) {
        unchanged++;
      }
      await new Promise(resolve => setTimeout(resolve, TRACE_POLL_MS));
    }
    if (token === state.traceToken && lastCount < 0) {
      traceNote("local-cloud has no trace " + root + ".");
    }
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function ms(value) {
    return value < 10 ? value.toFixed(1) + " ms" : Math.round(value) + " ms";
  }

  /** How deep a hop sits: the number of earlier hops that began before it and ended after it. */
  function depths(spans) {
    const epsilon = 0.05;
    return spans.map((span, i) => spans.slice(0, i).filter(outer =>
        outer.offsetMs <= span.offsetMs + epsilon
        && outer.offsetMs + outer.durationMs >= span.offsetMs + span.durationMs - epsilon).length);
  }

  function renderTrace(trace) {
    const total = Math.max(trace.durationMs, 0.001);
    const cold = trace.spans.filter(s => s.coldStart).length;
    const failed = trace.spans.filter(s => s.failed).length;
    traceNote(trace.spans.length + " hops · " + cold + " cold start" + (cold === 1 ? "" : "s")
        + (failed ? " · " + failed + " failed" : "") + " · " + ms(trace.durationMs) + " from first hop to last");
    const note = $("trace-note");
    const json = element("a", "json-link", "JSON");
    json.href = state.config.tracesUrl + encodeURIComponent(trace.traceId);
    note.append(" · ", json);

    const rows = [];
    const levels = depths(trace.spans);
    trace.spans.forEach((span, i) => {
      const row = element("div", "hop" + (span.failed ? " failed" : ""));
      row.dataset.service = span.service;
      row.dataset.name = span.name;
      row.dataset.cold = String(span.coldStart);
      row.dataset.failed = String(span.failed);
      row.dataset.detail = span.detail;

      const label = element("div", "hop-label");
      label.style.paddingLeft = (levels[i] * 14) + "px";
      label.append(element("span", "service svc-" + span.service.toLowerCase().replace(/[^a-z]/g, ""), span.service),
          element("span", "hop-name", span.name));
      if (span.detail) label.append(element("span", "hop-detail", span.detail));
      label.title = span.service + " " + span.name + (span.detail ? " (" + span.detail + ")" : "") + ": " + span.status;

      const track = element("div", "hop-track");
      const bar = element("div", "hop-bar");
      bar.style.left = (span.offsetMs / total * 100) + "%";
      bar.style.width = Math.max(span.durationMs / total * 100, 0.4) + "%";
      if (span.coldStart && span.initDurationMs > 0) {
        const init = element("div", "hop-init");
        init.style.width = Math.min(100, span.initDurationMs / Math.max(span.durationMs, 0.001) * 100) + "%";
        bar.append(init);
      }
      track.append(bar);

      const time = element("div", "hop-time", ms(span.durationMs));
      if (span.coldStart) {
        time.append(element("span", "cold-badge", "cold · init " + ms(span.initDurationMs)));
      }
      time.append(element("span", "hop-status" + (span.failed ? " bad" : ""), span.status));
      row.append(label, track, time);
      rows.push(row);
    });
    $("trace").replaceChildren(...rows);
  }

  // ---- Wiring.

  async function init() {
    $("map").addEventListener("click", event => {
      const point = svgPoint(event);
      setPickup(point.x, point.y);
    });
    $("request-button").addEventListener("click", requestRide);
    $("api-form").addEventListener("submit", event => {
      event.preventDefault();
      useApi($("api-url").value, "your choice, remembered in this browser");
      remember(state.apiUrl);
    });

    state.config = await loadConfig();
    const params = new URLSearchParams(location.search);
    const fromQuery = params.get("api");
    const saved = remembered();
    const localDefault = state.config && state.config.apiUrl ? state.config.apiUrl : null;
    if (fromQuery) {
      useApi(fromQuery, "from the page's address (?api=), remembered in this browser");
      remember(state.apiUrl);
    } else if (saved && (!state.config || saved.over === localDefault)) {
      useApi(saved.url, "your choice, remembered in this browser");
    } else if (localDefault) {
      useApi(localDefault, "the running stage's wild-rydes API, from local-cloud");
    } else {
      useApi("", "enter your wild-rydes stack's RideApiUrl output");
    }
    if (!state.config) {
      traceNote("Traces are recorded when local-cloud serves this page. On AWS, find your requests in X-Ray.");
    }
    const traceId = params.get("trace");
    if (traceId && state.config) {
      pollTrace(traceId, ++state.traceToken);
    }
    document.body.dataset.ready = "true";
  }

  init();
})();
