/**
 * Benchmark (not a test): building the visit packet PDF (docs/visit-packet.md) for a realistic
 * full case (12 questions, 8 packet items) and for a large one (60 questions, the most a case
 * may have; 300 timeline entries; 40 packet items), and how long it holds the event loop.
 *
 *   npm run bench:visit-packet
 *
 * It times what runs in the API process for one download after the rows are read: composing
 * the packet (the domain) and laying it out and saving it as a PDF (pdf-lib, with the embedded
 * font subset). The reads themselves are a handful of indexed queries by case id. A probe timer
 * on the same loop records the longest stretch the loop could not run anything else, and
 * perf_hooks' event-loop delay histogram agrees or not.
 *
 * Knobs: BENCH_ITERATIONS (30 per case size), BENCH_WARMUP (3).
 */
import { composeVisitPacket, VisitPacketInput } from '@second-look/domain';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fullCaseInput } from '../libs/server/visit-packet/src/testing/full-case.testing';
import { renderVisitPacketPdf } from '../libs/server/visit-packet/src/visit-packet-pdf';
import { machineLine, num } from './support/bench-env';

const ITERATIONS = num('BENCH_ITERATIONS', 30);
const WARMUP = num('BENCH_WARMUP', 3);

function largeCase(): VisitPacketInput {
  const full = fullCaseInput('es', { questions: 60, timeline: 300 });
  const packet = Array.from({ length: 5 }, () => full.packet).flat();
  return { ...full, packet };
}

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]!;

async function measure(name: string, input: VisitPacketInput): Promise<void> {
  const build = async (): Promise<Buffer> => renderVisitPacketPdf(composeVisitPacket(input), { author: input.organizationName });
  for (let i = 0; i < WARMUP; i++) await build();

  // The probe: a 1 ms timer; the gap between its runs beyond 1 ms is time the loop was held.
  // On a busy machine a gap also holds time the process waited for a core, so the CPU time
  // spent within the longest gap (process.cpuUsage: this thread and GC helpers) is shown too.
  let longest = 0;
  let longestCpu = 0;
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  const probe = setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    longest = Math.max(longest, now - last - 1);
    longestCpu = Math.max(longestCpu, (cpu.user + cpu.system) / 1000);
    last = now;
    lastCpu = process.cpuUsage();
  }, 1);
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < ITERATIONS; i++) {
    const t = performance.now();
    const pdf = await build();
    times.push(performance.now() - t);
    bytes = pdf.length;
    // Let the probe run between builds, as other requests would.
    await new Promise((r) => setTimeout(r, 5));
  }
  histogram.disable();
  clearInterval(probe);
  times.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(42)} median ${pct(times, 0.5).toFixed(1).padStart(6)} ms  p95 ${pct(times, 0.95).toFixed(1).padStart(6)} ms  ` +
      `${(bytes / 1024).toFixed(0).padStart(4)} KB  longest loop block ${longest.toFixed(1).padStart(5)} ms wall, ${longestCpu.toFixed(1)} ms CPU (delay histogram max ${(histogram.max / 1e6).toFixed(1)} ms)`,
  );
}

async function main(): Promise<void> {
  console.log(`Visit packet PDF, ${ITERATIONS} builds per case after ${WARMUP} warm-up. ${machineLine()}`);
  await measure('full case (12 questions, 8 items), English', fullCaseInput('en'));
  await measure('full case (12 questions, 8 items), Spanish', fullCaseInput('es'));
  await measure('large case (60 questions, 300 dates, 40 items)', largeCase());
  console.log(`After: ${machineLine()}`);
}

void main();
