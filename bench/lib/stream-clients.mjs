// Open event streams (Server-Sent Events) as plain HTTP clients, in a worker thread so that
// parsing hundreds of streams does not delay the main thread's clocks (the writers' acks and
// the health probe). Plain JavaScript: a worker does not inherit tsx's loader reliably.
//
// workerData: { url, count }. Messages in: "lastIds" (reply: the lowest last ballot event id
// over the streams), "stop" (reply: every arrival, then the streams are closed).
// Times are absolute milliseconds (performance.timeOrigin + performance.now()), comparable
// with the main thread's.
import http from "node:http";
import { performance } from "node:perf_hooks";
import { setTimeout } from "node:timers";
import { parentPort, workerData } from "node:worker_threads";

const { url, count } = workerData;
const now = () => performance.timeOrigin + performance.now();

/** Per stream: [event id, arrival ms] of every `ballot` event. */
const arrivals = Array.from({ length: count }, () => []);
const lastIds = new Array(count).fill(0);
const requests = [];
let ready = 0;
let failed = 0;
const errors = [];

function open(i) {
  const req = http.get(url, { agent: false, headers: { accept: "text/event-stream" } }, (res) => {
    if (res.statusCode !== 200) {
      failed++;
      errors.push(`stream ${i}: HTTP ${res.statusCode}`);
      res.resume();
      report();
      return;
    }
    res.setEncoding("utf8");
    let buffer = "";
    let seenReady = false;
    res.on("data", (chunk) => {
      const at = now();
      buffer += chunk;
      let cut;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const frame = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        let id;
        let event;
        for (const line of frame.split("\n")) {
          if (line.startsWith("id: ")) id = Number(line.slice(4));
          else if (line.startsWith("event: ")) event = line.slice(7);
        }
        if (event === "ready" && !seenReady) {
          seenReady = true;
          ready++;
          report();
        } else if (event === "ballot" && id !== undefined) {
          arrivals[i].push([id, at]);
          lastIds[i] = id;
        }
      }
    });
    res.on("error", () => {});
  });
  req.on("error", (e) => {
    failed++;
    if (errors.length < 5) errors.push(`stream ${i}: ${e.message}`);
    report();
  });
  requests.push(req);
}

function report() {
  parentPort.postMessage({ type: "progress", ready, failed, errors });
}

for (let i = 0; i < count; i++) open(i);

parentPort.on("message", (m) => {
  if (m === "lastIds") {
    parentPort.postMessage({ type: "lastIds", min: Math.min(...lastIds), max: Math.max(...lastIds) });
  } else if (m === "stop") {
    parentPort.postMessage({ type: "arrivals", arrivals });
    for (const r of requests) r.destroy();
    setTimeout(() => process.exit(0), 100);
  }
});
