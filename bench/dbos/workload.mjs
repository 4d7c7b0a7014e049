// The DBOS peer: bench/Workflow.Bench's engine workload (Workflows.cs, EngineBench.cs) on DBOS
// and PostgreSQL, measured by the same rules. Prints a table to stderr, then "RESULT {json}".
// usage: node workload.mjs postgres://USER@127.0.0.1:PORT/DB [workflows=500]
import { DBOS } from '@dbos-inc/dbos-sdk';
import pg from 'pg';
import { loadavg } from 'node:os';

const [url, workflows = 500] = [process.argv[2], Number(process.argv[3] ?? 500)];
const chain = 5;
const loadAtStart = loadavg()[0];
const stamps = new Map(); // workflow id -> when its measured step ran (ms since epoch)

const sayHello = DBOS.registerStep(async (city) => `Hello ${city}`, { name: 'SayHello' });
const stamp = DBOS.registerStep(async () => {
  if (!stamps.has(DBOS.workflowID)) stamps.set(DBOS.workflowID, Date.now());
  return 'stamped';
}, { name: 'Stamp' });

const helloCities = DBOS.registerWorkflow(async (count) => {
  let last = '';
  for (let i = 0; i < count; i++) last = await sayHello(`city${i}`);
  return last;
}, { name: 'HelloCities' });

const waitThenAct = DBOS.registerWorkflow(async () => {
  await DBOS.recv('go', 60);
  return stamp();
}, { name: 'WaitThenAct' });

const sleepThenAct = DBOS.registerWorkflow(async () => {
  // Taken just before the sleep records its own wake-up time, like our orchestration's
  // CurrentUtcDateTime; the bench never recovers a workflow, so a plain clock read is safe.
  const due = Date.now() + 1000;
  await DBOS.sleep(1000);
  await stamp();
  return due;
}, { name: 'SleepThenAct' });

const percentile = (sample, q) => {
  const s = [...sample].sort((a, b) => a - b);
  return s[Math.min(Math.max(Math.ceil(q * s.length) - 1, 0), s.length - 1)];
};
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const start = (fn, id, ...args) => DBOS.startWorkflow(fn, { workflowID: id })(...args);

// Transactions are counted from PostgreSQL's own statistics, on a connection outside DBOS's pool.
const stats = new pg.Client({ connectionString: url });
await stats.connect();
const xacts = async () => {
  await stats.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await stats.query(
    'SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()');
  return Number(rows[0].n);
};
// Idle backends publish their counters up to 10 s late (PGSTAT_IDLE_INTERVAL): wait that out,
// and take off what DBOS's idle polling adds while we wait (our side has no such wait).
const settle = 11_000;
const settledXacts = async () => { await delay(settle); return xacts(); };

DBOS.setConfig({ name: 'bench', systemDatabaseUrl: url, logLevel: 'error' });
await DBOS.launch();
await (await start(helloCities, 'warm-up', 1)).getResult();

// Throughput: all chains started at once.
const idleFrom = await settledXacts();
const before = await settledXacts();
const idleDuringSettle = before - idleFrom;
const clock = performance.now();
const handles = await Promise.all([...Array(workflows).keys()].map((i) => start(helloCities, `chain-${i}`, chain)));
for (const h of handles) await h.getResult();
const elapsed = (performance.now() - clock) / 1000;
const transactions = (await settledXacts()) - before - idleDuringSettle;
const latencies = [];
for (const h of handles) {
  const s = await DBOS.getWorkflowStatus(h.workflowID);
  latencies.push(s.updatedAt - s.createdAt);
}

// Event to next step, one at a time, so this is latency rather than queueing.
const eventLatency = [];
for (let i = 0; i < 50; i++) {
  const h = await start(waitThenAct, `event-${i}`);
  while ((await DBOS.getWorkflowStatus(h.workflowID))?.status !== 'PENDING') await delay(5);
  await delay(20);
  const raised = Date.now();
  await DBOS.send(h.workflowID, 'go', 'go');
  await h.getResult();
  eventLatency.push(stamps.get(h.workflowID) - raised);
}

// A one-second durable sleep's lateness, 50 at once.
const timers = await Promise.all([...Array(50).keys()].map((i) => start(sleepThenAct, `timer-${i}`)));
const lateness = [];
for (const h of timers) {
  const due = await h.getResult();
  lateness.push(stamps.get(h.workflowID) - due);
}

await DBOS.shutdown();
await stats.end();

const result = {
  workflows_per_s: workflows / elapsed,
  steps_per_s: (workflows * chain) / elapsed,
  latency_p50_ms: percentile(latencies, 0.5),
  latency_p99_ms: percentile(latencies, 0.99),
  event_p50_ms: percentile(eventLatency, 0.5),
  event_p99_ms: percentile(eventLatency, 0.99),
  timer_p50_ms: percentile(lateness, 0.5),
  timer_p99_ms: percentile(lateness, 0.99),
  timers_early: lateness.filter((l) => l < 0).length,
  pg_xacts_per_step: transactions / (workflows * chain),
  load_at_start: loadAtStart,
  load_at_end: loadavg()[0],
};
console.error('| measure | value |\n|---|---|');
for (const [k, v] of Object.entries(result)) console.error(`| ${k} | ${v.toFixed(2)} |`);
console.log('RESULT ' + JSON.stringify(result));
