// The GraphQL clients of the benchmark, on a thread of their own: the API under test owns
// the main thread's event loop, as it would in production where browsers are elsewhere.
// Messages: { concurrency, iterations, maxMs, waves? } -> { latencies, wallMs, tid } or { error }; no new
// request starts after maxMs. Without `waves`, an iteration is one POST of workerData.body; with
// `waves` (lists of request bodies), an iteration POSTs each wave's bodies at once, one wave after
// the other (as a page sends its first query, then its panels' once that answers), and its
// latency is the whole sequence's.
//
// Plain node:http over keep-alive connections (one per client), as a browser keeps its
// connection open: each request is a full POST whose whole answer is read and parsed as JSON
// and checked. Not fetch(): undici's fetch costs several times more CPU per request, and on
// this machine the clients share the cores with the API and PostgreSQL, so a heavier client
// slows the side it measures.
'use strict';

const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
const http = require('node:http');

const { url, cookie, body } = workerData;
const target = new URL(url);
// Idle sockets close before the server's keep-alive timeout (5 s), so none is reused as it closes.
const agent = new http.Agent({ keepAlive: true, timeout: 4000 });
// This thread's id (Linux), so the benchmark can tell the clients' CPU time from the API's.
let tid = null;
try {
  tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop()) || null;
} catch {
  /* not Linux */
}

function once(payload) {
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const headers = { 'content-type': 'application/json', 'content-length': payload.length, cookie };
    const req = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('error', fail);
      res.on('end', () => {
        try {
          const json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          const ms = performance.now() - t0;
          if (res.statusCode !== 200 || json.errors || !json.data) throw new Error(`GraphQL failed (${res.statusCode}): ${JSON.stringify(json.errors ?? json).slice(0, 500)}`);
          done(ms);
        } catch (error) {
          fail(error);
        }
      });
    });
    req.on('error', fail);
    req.end(payload);
  });
}

parentPort.on('message', async ({ concurrency, iterations, maxMs, waves }) => {
  try {
    const sequence = (waves ?? [[body]]).map((wave) => wave.map((b) => Buffer.from(b)));
    agent.maxSockets = concurrency * Math.max(...sequence.map((wave) => wave.length));
    const iteration = async () => {
      const t0 = performance.now();
      for (const wave of sequence) await Promise.all(wave.map(once));
      return performance.now() - t0;
    };
    const latencies = [];
    let next = 0;
    const started = performance.now();
    const client = async () => {
      while (next < iterations && performance.now() - started < (maxMs ?? Infinity)) {
        next++;
        latencies.push(await iteration());
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, iterations) }, client));
    parentPort.postMessage({ latencies, wallMs: performance.now() - started, tid });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.stack ? error.stack : error) });
  }
});
