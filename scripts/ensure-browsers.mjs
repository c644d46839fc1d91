#!/usr/bin/env node
// Installs Debian's Chromium and Firefox ESR (and an emoji font, for folder symbols in screenshots) when
// missing, so a fresh machine and CI need nothing by hand.
// Puppeteer's own browser download cannot work here (no network beyond the package registries).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const browsers = [
  { path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', pkg: 'chromium' },
  { path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', pkg: 'firefox-esr' },
  { path: '/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf', pkg: 'fonts-noto-color-emoji' },
];
const missing = browsers.filter((b) => !existsSync(b.path)).map((b) => b.pkg);
if (missing.length === 0) process.exit(0);

const asRoot = process.getuid?.() === 0 ? [] : ['sudo'];
const run = (args) => {
  const [cmd, ...rest] = [...asRoot, ...args];
  execFileSync(cmd, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
};
console.log(`Installing ${missing.join(' and ')} with apt-get (needed by the end-to-end tests)…`);
try {
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', ...missing]);
} catch {
  console.error(
    `Could not install ${missing.join(', ')}. Install them yourself (apt-get install ${missing.join(' ')}),`,
  );
  console.error('or point CHROMIUM_PATH / FIREFOX_PATH at existing binaries.');
  process.exit(1);
}
