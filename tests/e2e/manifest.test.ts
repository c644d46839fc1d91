import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { build } from 'wxt';
import { ACCOUNTS_HOST_PATTERNS, CLIQ_HOST_PATTERNS, SANDBOX_HOST_PATTERN } from '../../lib/cliq/datacentres';

type Manifest = {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
  browser_specific_settings?: { gecko?: { id?: string } };
  commands?: Record<string, { suggested_key?: { default?: string } }>;
};

/** The same build as `npm run build` / `npm run build:firefox`. */
async function buildProduction(browser: 'chrome' | 'firefox'): Promise<Manifest> {
  await build({ browser, manifestVersion: 3, mode: 'production' });
  return JSON.parse(await readFile(`.output/${browser}-mv3/manifest.json`, 'utf8')) as Manifest;
}

describe.each(['chrome', 'firefox'] as const)('the production %s manifest', (browser) => {
  it('asks only for storage, alarms and identity, and only for the Cliq and Zoho accounts hosts', async () => {
    const manifest = await buildProduction(browser);
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions?.sort()).toEqual(['alarms', 'identity', 'storage']);
    expect(manifest.host_permissions?.sort()).toEqual([...CLIQ_HOST_PATTERNS, ...ACCOUNTS_HOST_PATTERNS].sort());
    expect(JSON.stringify(manifest)).not.toContain('127.0.0.1');
    expect(manifest.host_permissions).not.toContain(SANDBOX_HOST_PATTERN);
    for (const script of manifest.content_scripts ?? []) {
      expect(script.matches.sort()).toEqual([...CLIQ_HOST_PATTERNS].sort());
    }
    if (browser === 'firefox') expect(manifest.browser_specific_settings?.gecko?.id).toBe('cliq-pins@cliqpins.dev');
  });

  it('reaches every data centre, the United Kingdom included, and not the unresolved cliq.zoho.ca', async () => {
    const manifest = JSON.parse(await readFile(`.output/${browser}-mv3/manifest.json`, 'utf8')) as Manifest;
    expect(manifest.host_permissions).toEqual(
      expect.arrayContaining(['https://cliq.zoho.uk/*', 'https://accounts.zoho.uk/*']),
    );
    expect(manifest.content_scripts?.[0]?.matches).toContain('https://cliq.zoho.uk/*');
    expect(JSON.stringify(manifest)).not.toContain('zoho.ca/');
  });

  it('compiles away the switch that opens the in-page UI for tests: its shadow roots are always closed', async () => {
    const script = await readFile(`.output/${browser}-mv3/content-scripts/cliq.js`, 'utf8');
    expect(script).not.toContain('e2eOpenShadowRoots');
    expect(script).toMatch(/[`"']closed[`"']/);
  });
});

describe('the test build', () => {
  it('adds the loopback sandbox host, which only sandbox modes may reach', async () => {
    const manifest = JSON.parse(await readFile('.output/chrome-mv3-test/manifest.json', 'utf8')) as Manifest;
    expect(manifest.host_permissions).toContain(SANDBOX_HOST_PATTERN);
    expect(manifest.content_scripts?.[0]?.matches).toContain(SANDBOX_HOST_PATTERN);
  });

  it.for(['chrome', 'firefox'])('opens the popup from the keyboard in %s, besides pinning from it', async (browser) => {
    const manifest = JSON.parse(await readFile(`.output/${browser}-mv3-test/manifest.json`, 'utf8')) as Manifest;
    expect(manifest.commands?._execute_action?.suggested_key?.default).toBe('Alt+Shift+L');
    expect(manifest.commands?.['pin-message']?.suggested_key?.default).toBe('Alt+Shift+P');
  });
});
