// Loads a trace written by `omne-inspector export --format trace` into Chrome DevTools' own trace engine
// (the model behind the Performance panel, published as @paulirish/trace_engine) and prints what it saw:
// the process and its lanes, slices per lane with names and durations. It then checks that the engine's
// view agrees with the JSON: every lane named, every slice kept with its duration, slices nested properly.
// Usage: node check-trace.mjs TRACE.json [--list N]
import fs from 'node:fs';
import * as Trace from '@paulirish/trace_engine/models/trace/trace.js';

// The engine uses DOMRect in a few handlers; Node has none.
globalThis.DOMRect ??= class DOMRect {
  constructor(x = 0, y = 0, width = 0, height = 0) { Object.assign(this, {x, y, width, height}); }
  static fromRect(r = {}) { return new DOMRect(r.x, r.y, r.width, r.height); }
  toJSON() { return {...this}; }
};

const file = process.argv[2];
const listIndex = process.argv.indexOf('--list');
const list = listIndex > 0 ? Number(process.argv[listIndex + 1]) : 3;
if (!file) {
  console.error('usage: node check-trace.mjs TRACE.json [--list N]');
  process.exit(2);
}
const json = JSON.parse(fs.readFileSync(file, 'utf8'));
const events = json.traceEvents;

const problems = [];
const check = (ok, message) => { if (!ok) problems.push(message); };

/**
 * Parses `events` with the engine and compares its lanes, slices and instants with the JSON.
 * `instantsSeen`: whether the engine is expected to keep the instants (see below).
 */
async function analyze(events, instantsSeen, verbose) {
  const log = verbose ? console.log : () => {};
  const model = Trace.TraceModel.Model.createWithAllHandlers();
  await model.parse(events);
  const parsed = model.parsedTrace();
  if (!parsed) throw new Error('the engine produced no data');
  const data = parsed.data ?? parsed; // the shape moved between versions

  const meta = data.Meta;
  const bounds = meta.traceBounds;
  log(`engine: @paulirish/trace_engine (Chrome DevTools Performance panel model)`);
  log(`trace: ${file}: ${events.length} trace events; generic trace: ${meta.traceIsGeneric}`);
  // The engine leaves events at ts 0 (the run's first event) out of its bounds.
  log(`bounds: ${bounds.min} .. ${bounds.max} us (${(bounds.range / 1e6).toFixed(3)} s)`);
  const processName = meta.processNames.get(1)?.args?.name;
  log(`process 1: ${processName}`);
  check(processName === json.metadata.run_id, `process named ${processName}, not the run id ${json.metadata.run_id}`);

  // What the JSON says, per lane.
  const laneNames = new Map();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') laneNames.set(e.tid, e.args.name);
  }
  const expected = new Map();
  for (const e of events) {
    if (e.ph !== 'X' && e.ph !== 'i' && e.ph !== 'I') continue;
    if (!expected.has(e.tid)) expected.set(e.tid, {x: [], i: 0});
    if (e.ph === 'X') expected.get(e.tid).x.push(e); else expected.get(e.tid).i++;
  }

  const renderer = data.Renderer.processes.get(1);
  check(renderer, 'the engine has no process 1');
  const threads = renderer ? [...renderer.threads.entries()].sort((a, b) => a[0] - b[0]) : [];
  let slices = 0;
  for (const [tid, thread] of threads) {
    const x = thread.entries.filter(e => e.ph === 'X');
    const instants = thread.entries.filter(e => e.ph === 'i' || e.ph === 'I');
    slices += x.length;
    const nodes = thread.entries.filter(e => data.Renderer.entryToNode.has(e)).length;
    const roots = thread.tree ? thread.tree.roots.size : 0;
    const depth = thread.tree ? thread.tree.maxDepth : 0;
    const total = x.reduce((sum, e) => sum + e.dur, 0);
    log(`lane ${tid} "${thread.name}": ${x.length} slices (${(total / 1e6).toFixed(3)} s in all), `
        + `${instants.length} instants, tree: ${nodes} nodes, ${roots} roots, depth ${depth}`);
    for (const e of x.slice(0, list)) {
      log(`    ${e.name}  ts ${e.ts} us  dur ${(e.dur / 1000).toFixed(3)} ms  ${e.args?.outcome ?? ''}`
          + `${e.args?.error_kind ? ' ' + e.args.error_kind : ''}`);
    }
    if (x.length > list) log(`    ... ${x.length - list} more`);

    check(thread.name === laneNames.get(tid), `lane ${tid} is called "${thread.name}" by the engine, "${laneNames.get(tid)}" in the JSON`);
    const want = expected.get(tid) ?? {x: [], i: 0};
    check(x.length === want.x.length, `lane ${tid}: the engine kept ${x.length} of ${want.x.length} slices`);
    check(instants.length === (instantsSeen ? want.i : 0), `lane ${tid}: the engine kept ${instants.length} instants, expected ${instantsSeen ? want.i : 0}`);
    check(nodes === x.length + instants.length, `lane ${tid}: ${nodes} tree nodes for ${x.length + instants.length} entries (bad nesting?)`);
    const name = tid === 1 ? json.metadata.run_id : laneNames.get(tid);
    for (const e of x) check(e.name === name, `lane ${tid}: slice "${e.name}" on the lane of "${name}"`);
    const durations = x.map(e => `${e.ts}+${e.dur}`).sort().join(',');
    const wanted = want.x.map(e => `${e.ts}+${e.dur}`).sort().join(',');
    check(durations === wanted, `lane ${tid}: slice times differ from the JSON`);
  }
  for (const tid of expected.keys()) check(renderer?.threads.has(tid), `lane ${tid} (${laneNames.get(tid)}) is missing in the engine`);

  const rows = (json.metadata.nodes ?? 0) + 1;
  log(`lanes: ${threads.length} in the engine, ${laneNames.size} named in the JSON (${rows} expected: the run and ${json.metadata.nodes} nodes)`);
  log(`slices: ${slices} in the engine, ${json.metadata.slices} written (${json.metadata.running} still running)`);
  check(threads.length === rows, 'lane count');
  check(slices === json.metadata.slices, 'slice count');
}

// Pass 1: the file as written. DevTools' engine treats only the old capital 'I' as an instant phase and
// passes over the Trace Event Format's 'i' (which Perfetto and chrome://tracing read), so here it shows the
// slices and no instants.
const before = problems.length;
await analyze(events, false, true);
console.log(before === problems.length ? 'pass 1 OK: every lane and slice, same names and times' : 'pass 1 FAILED');
// Pass 2: the same events with 'i' spelled 'I', so the engine takes the instants too: each must land on
// its lane, and none may be dropped from the lane's tree for bad nesting.
const capital = events.map(e => (e.ph === 'i' ? {...e, ph: 'I'} : e));
const mid = problems.length;
await analyze(capital, true, false);
const instants = events.filter(e => e.ph === 'i').length;
console.log(mid === problems.length ? `pass 2 OK: with 'I' the engine also keeps all ${instants} instants on their lanes`
    : 'pass 2 FAILED');
if (problems.length) {
  console.log(`FAILED: ${problems.length} problem(s)`);
  for (const p of problems.slice(0, 20)) console.log('  ' + p);
  process.exit(1);
}
console.log('OK: the engine sees every lane, slice and instant of the JSON, with the same times');
