// Reads the RESULT lines bench/run-all saved and prints one table of medians with ratios.
import { readFileSync, existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

const [dir, runs] = [process.argv[2], Number(process.argv[3])];
const load = (name) => [...Array(runs).keys()].map((i) => `${dir}/${name}.${i + 1}.json`)
  .filter((f) => existsSync(f) && readFileSync(f, 'utf8').trim())
  .map((f) => JSON.parse(readFileSync(f, 'utf8')));
const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const pick = (sets, key) => median(sets.map((r) => r[key]));
const fmt = (x) => (Number.isNaN(x) ? 'n/a' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

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

console.log(`Durable runtime vs DBOS, ${cpus().length} cores (load average ${loadavg()[0].toFixed(1)} when the report printed), median of ${runs} runs (500 workflows x 5 steps; 50 events; 50 one-second timers)`);
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

// Where our storage transactions go during the throughput phase (the runtime bench's breakdown).
const kinds = [...new Set([...ours1, ...ours2].flatMap((r) => Object.keys(r)))]
  .filter((k) => k.startsWith('calls per activity: ')).map((k) => k.slice('calls per activity: '.length));
if (kinds.length) {
  const f2 = (x) => (Number.isNaN(x) ? 'n/a' : x.toFixed(2));
  const share = (sets, kind) => median(sets.map((r) => {
    const total = kinds.reduce((sum, k) => sum + (r[`calls per activity: ${k}`] ?? 0) * (r[`mean ms: ${k}`] ?? 0), 0);
    return total ? (100 * (r[`calls per activity: ${kind}`] ?? 0) * (r[`mean ms: ${kind}`] ?? 0)) / total : NaN;
  }));
  kinds.sort((a, b) => pick(ours1, `calls per activity: ${b}`) - pick(ours1, `calls per activity: ${a}`));
  console.log('');
  console.log('Our storage calls per activity by kind (throughput phase; in-flight time = calls x mean latency):');
  console.log('');
  console.log('| storage call | per activity, 1 worker | mean ms, 1 worker | share of in-flight time, 1 worker | per activity, 2 workers | share of in-flight time, 2 workers |');
  console.log('|---|---|---|---|---|---|');
  for (const k of kinds) {
    console.log(`| ${k} | ${f2(pick(ours1, `calls per activity: ${k}`))} | ${fmt(pick(ours1, `mean ms: ${k}`))} | ${fmt(share(ours1, k))} % | ` +
      `${f2(pick(ours2, `calls per activity: ${k}`))} | ${fmt(share(ours2, k))} % |`);
  }
}
