// The GraphQL clients of the benchmark, on a thread of their own: the API under test owns
// the main thread's event loop, as it would in production where browsers are elsewhere.
// Messages: { concurrency, iterations, maxMs } -> { latencies, wallMs, tid } or { error }; no new
// request starts after maxMs.
'use strict';

const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');

const { url, cookie, body } = workerData;
// This thread's id (Linux), so the benchmark can tell the clients' CPU time from the API's.
let tid = null;
try {
  tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop()) || null;
} catch {
  /* not Linux */
}

async function once() {
  const t0 = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body });
  const json = await res.json();
  const ms = performance.now() - t0;
  if (res.status !== 200 || json.errors || !json.data) throw new Error(`GraphQL failed (${res.status}): ${JSON.stringify(json.errors ?? json).slice(0, 500)}`);
  return ms;
}

parentPort.on('message', async ({ concurrency, iterations, maxMs }) => {
  try {
    const latencies = [];
    let next = 0;
    const started = performance.now();
    const client = async () => {
      while (next < iterations && performance.now() - started < (maxMs ?? Infinity)) {
        next++;
        latencies.push(await once());
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, iterations) }, client));
    parentPort.postMessage({ latencies, wallMs: performance.now() - started, tid });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.stack ? error.stack : error) });
  }
});
