// Reads the RESULT lines bench/run-all saved and prints one table of medians with ratios.
import { readFileSync, existsSync } from 'node:fs';
import { cpus } from 'node:os';

const [dir, runs] = [process.argv[2], Number(process.argv[3])];
const load = (name) => [...Array(runs).keys()].map((i) => `${dir}/${name}.${i + 1}.json`)
  .filter((f) => existsSync(f) && readFileSync(f, 'utf8').trim())
  .map((f) => JSON.parse(readFileSync(f, 'utf8')));
const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const pick = (sets, key) => median(sets.map((r) => r[key]));
const fmt = (x) => (Number.isNaN(x) ? 'n/a' : x >= 100 ? x.toFixed(0) : x.toFixed(1));

const [ours1, ours2, dbos, raw] = ['ours1', 'ours2', 'dbos', 'raw'].map(load);
const rows = [
  ['workflows (orchestrations)/s', 'orchestrations/s', 'workflows_per_s'],
  ['steps (activities)/s', 'activities/s', 'steps_per_s'],
  ['start-to-completion p50 ms', 'start-to-completion p50 ms', 'latency_p50_ms'],
  ['start-to-completion p99 ms', 'start-to-completion p99 ms', 'latency_p99_ms'],
  ['event-to-next-step p50 ms', 'event-to-next-action p50 ms', 'event_p50_ms'],
  ['event-to-next-step p99 ms', 'event-to-next-action p99 ms', 'event_p99_ms'],
  ['1 s timer lateness p50 ms', '1 s timer lateness p50 ms', 'timer_p50_ms'],
  ['1 s timer lateness p99 ms', '1 s timer lateness p99 ms', 'timer_p99_ms'],
  ['storage / database transactions per step', 'storage transactions per activity', 'pg_xacts_per_step'],
];

console.log(`Durable runtime vs DBOS, ${cpus().length} cores, median of ${runs} runs (500 workflows x 5 steps; 50 events; 50 one-second timers)`);
console.log('');
console.log('| measure | ours, 1 worker | ours, 2 workers | DBOS + PostgreSQL | ours (1 worker) / DBOS |');
console.log('|---|---|---|---|---|');
for (const [label, ourKey, dbosKey] of rows) {
  const [a, b, d] = [pick(ours1, ourKey), pick(ours2, ourKey), pick(dbos, dbosKey)];
  console.log(`| ${label} | ${fmt(a)} | ${fmt(b)} | ${fmt(d)} | ${fmt(a / d)} |`);
}
console.log('');
console.log('Raw Azurite ceiling (same machine, SDK calls only, 32 partitions in flight):');
console.log('');
console.log('| measure | value |');
console.log('|---|---|');
for (const key of Object.keys(raw[0] ?? {})) console.log(`| ${key} | ${fmt(pick(raw, key))} |`);
