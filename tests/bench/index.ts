/**
 * `npm run bench [-- --only a,b] [--out FILE]`: measurements that take too long, or depend too much on the
 * machine, to be tests. Each module prints its tables and adds its data to the JSON written to `--out`.
 * Nothing here asserts; the numbers are for people and for comparing runs.
 */
import './node-i18n';
import 'fake-indexeddb/auto';
import { setMaxListeners } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { boardCompletion } from './board';
import { bulkUnpin } from './bulk-unpin';
import { bundleSizes } from './bundle-size';
import { contentCost } from './content-cost';
import { popupRender } from './popup-render';
import { type BenchModule, formatTable } from './report';
import { startup } from './startup';
import { throughput } from './throughput';

// A rate window's 20 concurrent requests each listen on the queue's one lifetime signal until their answer
// (lib/cliq/client.ts). Node calls more than 10 listeners on one signal a possible leak; browsers set no such limit,
// and each listener is removed at its answer.
setMaxListeners(64);

const MODULES: BenchModule[] = [bulkUnpin, throughput, boardCompletion, popupRender, contentCost, bundleSizes, startup];

const { values } = parseArgs({
  options: { out: { type: 'string' }, only: { type: 'string' } },
  strict: true,
});
const only = values.only?.split(',').map((name) => name.trim());
const unknown = only?.filter((name) => !MODULES.some((m) => m.name === name)) ?? [];
if (unknown.length > 0) {
  console.error(`Unknown bench ${unknown.join(', ')}; known: ${MODULES.map((m) => m.name).join(', ')}`);
  process.exit(2);
}

const results: Record<string, unknown> = {};
for (const module of MODULES.filter((m) => !only || only.includes(m.name))) {
  console.log(`\n== ${module.title} ==\n`);
  const started = performance.now();
  const { tables, data } = await module.run();
  for (const table of tables) console.log(`${formatTable(table)}\n`);
  console.log(`(${module.name}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  results[module.name] = data;
}

if (values.out) {
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version, platform: process.platform };
  await writeFile(values.out, `${JSON.stringify({ at: new Date().toISOString(), machine, results }, null, 2)}\n`);
  console.log(`\nwrote ${values.out}`);
}
