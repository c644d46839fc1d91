/**
 * `npm run sandbox -- --port 8787 [--token T] [--minute-ms 60000] [--seed default|large|empty] [--faults SPEC]
 * [--start-time ISO|ms | --clock-offset-ms=±ms]`: runs the sandbox until SIGINT/SIGTERM and prints its URL and bearer token.
 */
import { parseArgs } from 'node:util';
import { startSandbox } from './index';
import { SEED_NAMES, type SeedName } from './seeds';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    token: { type: 'string' },
    'minute-ms': { type: 'string' },
    seed: { type: 'string', default: 'default' },
    faults: { type: 'string' },
    'start-time': { type: 'string' },
    'clock-offset-ms': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(
    'Usage: tsx tests/sandbox/cli.ts [--port 8787] [--token T] [--minute-ms 60000] [--seed default|large|empty] [--faults SPEC] [--start-time ISO|ms] [--clock-offset-ms=±ms]',
  );
  process.exit(0);
}

function fail(message: string): never {
  console.error(`cliq-sandbox: ${message}`);
  process.exit(2);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0-65535, got ${values.port}`);
if (!SEED_NAMES.includes(values.seed as SeedName)) fail(`--seed must be one of ${SEED_NAMES.join(', ')}`);
const minuteMs = values['minute-ms'] === undefined ? undefined : Number(values['minute-ms']);
const startRaw = values['start-time'];
const startTime = startRaw === undefined ? undefined : /^\d+$/.test(startRaw) ? Number(startRaw) : Date.parse(startRaw);
if (startTime !== undefined && Number.isNaN(startTime))
  fail(`--start-time must be ISO 8601 or epoch ms, got ${startRaw}`);
const offsetRaw = values['clock-offset-ms'];
const clockOffset = offsetRaw === undefined ? 0 : Number(offsetRaw);
if (!Number.isInteger(clockOffset)) fail(`--clock-offset-ms must be whole milliseconds, got ${offsetRaw}`);
if (startTime !== undefined && clockOffset !== 0) fail('give --start-time or --clock-offset-ms, not both');

try {
  const sandbox = await startSandbox({
    port,
    token: values.token,
    minuteMs,
    seed: values.seed as SeedName,
    faults: values.faults,
    startTime: startTime ?? (clockOffset === 0 ? undefined : Date.now() + clockOffset),
  });
  console.log(`Cliq sandbox ready (seed ${values.seed}, faults ${values.faults ?? 'none'})`);
  console.log(`  url:     ${sandbox.url}`);
  console.log(`  token:   ${sandbox.token}`);
  console.log(`  web app: ${sandbox.url}/company/${sandbox.orgId}/chats`);
  console.log(`  control: ${sandbox.url}/__sandbox/info`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    await sandbox.stop();
    console.log(`Cliq sandbox stopped (${signal})`);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
