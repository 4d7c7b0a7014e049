// Reads the RESULT lines bench/run-all saved and prints one markdown table of medians: a column
// each for raw Azurite, the engine with Durable Functions' defaults, the engine with our
// settings, and DBOS on PostgreSQL. A figure a column does not measure is "–"; a part that
// failed is "n/a".
// usage: node bench/report.mjs DIR RUNS WORKFLOWS
import { readFileSync, existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

const [dir, runs, workflows] = [process.argv[2], Number(process.argv[3]), process.argv[4] ?? '?'];
const load = (name) => [...Array(runs).keys()].map((i) => `${dir}/${name}.${i + 1}.json`)
  .filter((f) => existsSync(f) && readFileSync(f, 'utf8').trim())
  .map((f) => JSON.parse(readFileSync(f, 'utf8')));
const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const fmt = (x) => {
  if (Number.isNaN(x)) return 'n/a';
  if (Number.isInteger(x) || Math.abs(x) >= 100) return x.toFixed(0);
  if (Math.abs(x) < 0.005) return x > 0 ? '<0.01' : '0';
  return Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2);
};

const columns = [
  { title: 'raw Azurite (SDK calls only)', sets: load('raw') },
  { title: 'engine, Durable Functions\' defaults', sets: load('functions') },
  { title: 'engine, our settings', sets: load('ours') },
  { title: 'DBOS + PostgreSQL', sets: load('dbos') },
];
const [raw, functions, ours, dbos] = columns;
const engines = [functions, ours];

// A row names, per column, the RESULT key holding its figure (null: not measured there).
const row = (label, keys) => ({ label, keys });
const engineRow = (label, key, dbosKey = null) => row(label, [null, key, key, dbosKey]);
const rows = [
  engineRow('workflows (orchestrations)/s', 'orchestrations/s', 'workflows_per_s'),
  engineRow('steps (activities)/s', 'activities/s', 'steps_per_s'),
  engineRow('start-to-completion p50 ms', 'start-to-completion p50 ms', 'latency_p50_ms'),
  engineRow('start-to-completion p99 ms', 'start-to-completion p99 ms', 'latency_p99_ms'),
  engineRow('event-to-next-step p50 ms', 'event-to-next-step p50 ms', 'event_p50_ms'),
  engineRow('event-to-next-step p99 ms', 'event-to-next-step p99 ms', 'event_p99_ms'),
  engineRow('1 s timer lateness p50 ms (negative: early)', '1 s timer lateness p50 ms', 'timer_p50_ms'),
  engineRow('1 s timer lateness p99 ms (negative: early)', '1 s timer lateness p99 ms', 'timer_p99_ms'),
  engineRow('timers whose next step ran early (of 50)', 'timers whose next step ran early (of 50)', 'timers_early'),
  engineRow('storage calls (DBOS: database transactions) per step', 'storage calls per activity', 'pg_xacts_per_step'),
];

// The engines' calls per activity by kind, most frequent (with our settings) first.
const prefix = 'calls per activity: ';
const kinds = [...new Set(engines.flatMap((c) => c.sets.flatMap((r) => Object.keys(r))))]
  .filter((k) => k.startsWith(prefix))
  .sort((a, b) => (median(ours.sets.map((r) => r[b] ?? 0)) - median(ours.sets.map((r) => r[a] ?? 0))) || a.localeCompare(b));
for (const key of kinds) rows.push(engineRow(`… ${key.slice(prefix.length)}`, key));
if (engines.some((c) => c.sets.some((r) => 'orchestrations not completed' in r))) {
  rows.push(engineRow('orchestrations not completed (failures)', 'orchestrations not completed'));
}

// The ceiling: what Azurite does with the SDKs alone.
for (const key of Object.keys(raw.sets[0] ?? {}).filter((k) => k.startsWith('raw '))) rows.push(row(key, [key, null, null, null]));
rows.push(row('load average (1 min) when the part started', ['load average (1 min) at start', 'load average (1 min) at start', 'load average (1 min) at start', 'load_at_start']));
rows.push(row('load average (1 min) when the part ended', ['load average (1 min) at end', 'load average (1 min) at end', 'load average (1 min) at end', 'load_at_end']));

const cell = (column, key) => {
  if (key === null) return '–';
  // A kind of call a run never made is zero calls, not a missing figure.
  const values = column.sets.map((r) => r[key] ?? (key.startsWith(prefix) ? 0 : undefined));
  return fmt(median(values));
};

console.log(`Workflow engine vs DBOS, ${cpus().length} cores (load average ${loadavg()[0].toFixed(1)} when the report printed), ` +
  `median of ${runs} run(s): ${workflows} workflows x 5 steps started at once; 50 events one at a time; 50 one-second timers at once`);
console.log('');
console.log(`| measure | ${columns.map((c) => c.title).join(' | ')} |`);
console.log(`|---|${columns.map(() => '---').join('|')}|`);
for (const { label, keys } of rows) {
  console.log(`| ${label} | ${columns.map((c, i) => cell(c, keys[i])).join(' | ')} |`);
}
