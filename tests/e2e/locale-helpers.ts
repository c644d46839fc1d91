import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { pseudoMessages, untranslated } from '../pseudo-locale';
import { buildDir } from './harness';

/** A copy of the Chromium test build whose only locale is the pseudo-locale (as `en`): never shipped. */
export async function pseudoLocaleBuild(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'cliq-pins-pseudo-'));
  await cp(buildDir('chromium', 'test'), dir, { recursive: true });
  const locales = join(dir, '_locales');
  for (const locale of await readdir(locales))
    if (locale !== 'en') await rm(join(locales, locale), { recursive: true });
  const file = join(locales, 'en', 'messages.json');
  await writeFile(file, JSON.stringify(pseudoMessages(JSON.parse(await readFile(file, 'utf8')))));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Text people see or hear: text nodes and the attributes read out or shown on hover. */
interface Shown {
  texts: string[];
  /** Never translated: chat names, message text, folder titles, times (marked `dir="auto"`, `<bdi>`, `<time>`). */
  user: string[];
}

/** What `page` shows, in the document, or in the open shadow roots of the in-page UI's hosts (`cliq-pins-*`). */
function shownText(page: Page, inPageUi = false): Promise<Shown> {
  return page.evaluate((inPage: boolean) => {
    const roots: (Document | ShadowRoot)[] = inPage
      ? [...document.querySelectorAll('*')]
          .filter((el) => el.tagName.startsWith('CLIQ-PINS') && el.shadowRoot)
          .map((el) => el.shadowRoot as ShadowRoot)
      : [document];
    const USER = 'time, [dir=auto], bdi';
    const SKIP = 'script, style, noscript, template, code, pre, textarea';
    const texts: string[] = [];
    const user: string[] = [];
    const visible = (el: Element) => el.getClientRects().length > 0;
    for (const root of roots) {
      for (const el of root.querySelectorAll(USER)) {
        const inside = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = inside.nextNode(); node; node = inside.nextNode()) user.push(node.textContent ?? '');
      }
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest(`${USER}, ${SKIP}`) || !visible(parent) || !node.textContent?.trim()) continue;
        texts.push(node.textContent);
      }
      // A closed select shows its chosen option, which no text node stands for.
      for (const select of root.querySelectorAll('select'))
        if (visible(select) && select.selectedOptions[0]) texts.push(select.selectedOptions[0].text);
      for (const el of root.querySelectorAll('*')) {
        // A time's title is its full date.
        if (!visible(el) || el.closest('time')) continue;
        for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext']) {
          const value = el.getAttribute(name);
          if (value?.trim()) texts.push(value);
        }
      }
    }
    return { texts, user };
  }, inPageUi);
}

/** The shown text that escaped the pseudo-locale: hard-coded strings. */
export async function hardCoded(page: Page, inPageUi = false): Promise<string[]> {
  const { texts, user } = await shownText(page, inPageUi);
  // An empty or untranslated view would pass without proving anything.
  if (texts.filter((text) => text.includes('~]')).length < 3) throw new Error('the pseudo-locale is not in use here');
  return [...new Set(texts.map((text) => untranslated(text, user)).filter(Boolean))];
}
