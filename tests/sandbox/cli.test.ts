import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const TSX = resolve('node_modules/.bin/tsx');
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

function cli(args: string[]): ChildProcess {
  const child = spawn(TSX, ['tests/sandbox/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return child;
}

/** Starts the CLI and resolves with what it printed once it names its URL and token. */
function startCli(child: ChildProcess): Promise<{ url: string; token: string; output: () => string }> {
  let output = '';
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`CLI did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /url:\s+(\S+)/.exec(output)?.[1];
      const token = /token:\s+(\S+)/.exec(output)?.[1];
      if (url && token) {
        clearTimeout(timer);
        done({ url, token, output: () => output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => fail(new Error(`CLI exited with ${code}:\n${output}`)));
  });
}

describe.concurrent('cli', () => {
  it('prints the URL and token, serves the seeded folders, and stops on SIGTERM', async () => {
    const child = cli(['--port', '0', '--token', 'cli-token', '--minute-ms', '1000']);
    const { url, token, output } = await startCli(child);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(token).toBe('cli-token');
    const withToken = await fetch(`${url}/api/v3/pin-categories`, { headers: { Authorization: `Bearer ${token}` } });
    expect(withToken.status).toBe(200);
    const body = await withToken.json();
    expect(body.data[0]).toEqual({ category_id: 'default' });
    expect(body.data.length).toBeGreaterThan(1);
    expect((await fetch(`${url}/api/v3/pin-categories`)).status).toBe(401);
    const info = await (await fetch(`${url}/__sandbox/info`)).json();
    expect(info.minuteMs).toBe(1000);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(output()).toContain('stopped (SIGTERM)');
  });

  it('refuses bad options with a message and exit code 2', async () => {
    const child = cli(['--seed', 'huge']);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(stderr).toContain('--seed must be one of');
  });
});
