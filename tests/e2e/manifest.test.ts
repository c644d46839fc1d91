import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { build } from 'wxt';
import { ACCOUNTS_HOST_PATTERNS, CLIQ_HOST_PATTERNS, SANDBOX_HOST_PATTERN } from '../../lib/cliq/datacentres';

type Manifest = {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
  browser_specific_settings?: { gecko?: { id?: string } };
  commands?: Record<string, { suggested_key?: { default?: string } }>;
  side_panel?: { default_path?: string };
  sidebar_action?: { default_panel?: string; open_at_install?: boolean };
  omnibox?: { keyword?: string };
};

/**
 * API permissions each production manifest asks for: the context menu is `contextMenus` in Chrome and `menus` in
 * Firefox; Chrome's side panel needs `sidePanel`, Firefox's sidebar nothing.
 */
const PERMISSIONS = {
  chrome: ['alarms', 'contextMenus', 'identity', 'sidePanel', 'storage'],
  firefox: ['alarms', 'identity', 'menus', 'storage'],
};

/**
 * Permissions that show no install warning in Chrome or Firefox (Chrome's permission-warnings list and Firefox's
 * permission prompts): the install prompt stays the Cliq and Zoho hosts alone.
 */
const NO_INSTALL_WARNING = new Set(['alarms', 'contextMenus', 'identity', 'menus', 'sidePanel', 'storage']);

/** The same build as `npm run build` / `npm run build:firefox`. */
async function buildProduction(browser: 'chrome' | 'firefox'): Promise<Manifest> {
  await build({ browser, manifestVersion: 3, mode: 'production' });
  return JSON.parse(await readFile(`.output/${browser}-mv3/manifest.json`, 'utf8')) as Manifest;
}

describe.each(['chrome', 'firefox'] as const)('the production %s manifest', (browser) => {
  it('asks only for permissions without an install warning, and only for the Cliq and Zoho accounts hosts', async () => {
    const manifest = await buildProduction(browser);
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions?.sort()).toEqual(PERMISSIONS[browser]);
    for (const permission of manifest.permissions ?? []) expect(NO_INSTALL_WARNING).toContain(permission);
    // Notifications carry a warning: asked for only when the user turns reminders on, never at install.
    expect(manifest.optional_permissions).toEqual(['notifications']);
    expect(manifest.host_permissions?.sort()).toEqual([...CLIQ_HOST_PATTERNS, ...ACCOUNTS_HOST_PATTERNS].sort());
    expect(JSON.stringify(manifest)).not.toContain('127.0.0.1');
    expect(manifest.host_permissions).not.toContain(SANDBOX_HOST_PATTERN);
    for (const script of manifest.content_scripts ?? []) {
      expect(script.matches.sort()).toEqual([...CLIQ_HOST_PATTERNS].sort());
    }
    if (browser === 'firefox') expect(manifest.browser_specific_settings?.gecko?.id).toBe('cliq-pins@cliqpins.dev');
  });

  it('has the side panel (Chrome) or sidebar (Firefox) and the address-bar keyword "pins"', async () => {
    const manifest = JSON.parse(await readFile(`.output/${browser}-mv3/manifest.json`, 'utf8')) as Manifest;
    if (browser === 'chrome') expect(manifest.side_panel?.default_path).toBe('sidepanel.html');
    else expect(manifest.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html', open_at_install: false });
    expect(manifest.omnibox?.keyword).toBe('pins');
  });

  it('has no test hooks in the background: the context-menu and address-bar handlers stay private', async () => {
    const background = await readFile(`.output/${browser}-mv3/background.js`, 'utf8');
    expect(background).not.toContain('cliqPinsTestHooks');
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
