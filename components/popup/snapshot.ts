/*
 * The popup's first screen as text, kept so the next opening can paint it before the bundle, the worker and
 * IndexedDB are ready (entrypoints/popup-snapshot.ts). Written from the rendered rows after each board read, so it
 * shows exactly what the person last saw; painted with textContent only (message text is other people's words,
 * never HTML), marked as "from cache", and replaced as soon as the board is read. No imports: the early script
 * that paints it must stay a few hundred bytes.
 */

/** In `storage.session`: memory only, so no copy of pin text outlives the browser session beyond the cache itself. */
export const SNAPSHOT_KEY = 'popupSnapshot';
export const SNAPSHOT_ID = 'popup-snapshot';
/** The global the early script leaves its paint's promise in. */
export const SNAPSHOT_PAINTED = 'cliqPinsSnapshotPainted';

/** As many rows as fit the popup's first screen. */
const MAX_ROWS = 10;

interface SnapshotPin {
  sender: string;
  time: string;
  text: string;
}

interface SnapshotGroup {
  chat: string;
  count: string;
  pins: SnapshotPin[];
}

export interface PopupSnapshot {
  /** The account whose pins these are; painted only while that account is the one signed in. */
  account: string;
  groups: SnapshotGroup[];
}

/** The stored snapshot, if it is the signed-in account's: another account's pins are never shown. */
export function snapshotFor(stored: unknown, account: unknown): PopupSnapshot | undefined {
  const snapshot = stored as PopupSnapshot | undefined;
  const key = (account as { key?: unknown } | undefined)?.key;
  return snapshot && typeof key === 'string' && snapshot.account === key && Array.isArray(snapshot.groups)
    ? snapshot
    : undefined;
}

const textOf = (root: Element, selector: string) => root.querySelector(selector)?.textContent?.trim() ?? '';

/** The first rows of the pins tab as rendered, or undefined when it shows none (nothing worth painting early). */
export function snapshotOf(root: ParentNode, account: string): PopupSnapshot | undefined {
  const groups: SnapshotGroup[] = [];
  let rows = 0;
  for (const group of root.querySelectorAll('#panel-pins [data-testid=chat-pins]')) {
    if (rows >= MAX_ROWS) break;
    const pins = [...group.querySelectorAll('[data-testid=pin]')].slice(0, MAX_ROWS - rows).map((row) => ({
      sender: textOf(row, '.sender'),
      time: textOf(row, '.pin-meta time'),
      text: textOf(row, '.pin-text'),
    }));
    rows += pins.length;
    groups.push({ chat: textOf(group, '.group-header h3'), count: textOf(group, '.group-header .count'), pins });
  }
  return rows > 0 ? { account, groups } : undefined;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) {
  const node = document.createElement(tag);
  node.className = className;
  if (text) node.textContent = text;
  return node;
}

/**
 * The first screen, text only, over the popup until its board is read: a header like the popup's, a note that
 * these rows are from the cache and being updated, and the rows.
 */
export function paintSnapshot(snapshot: PopupSnapshot, words: { title: string; note: string }): HTMLElement {
  const screen = element('div', 'popup snapshot');
  screen.id = SNAPSHOT_ID;
  screen.dataset.testid = 'snapshot';
  screen.setAttribute('aria-busy', 'true');
  const top = element('header', 'top');
  top.append(element('h1', '', words.title), element('span', 'muted summary', words.note));
  const view = element('div', 'scroll');
  for (const group of snapshot.groups) {
    const box = element('section', 'group');
    const header = element('header', 'group-header');
    header.append(element('h3', '', group.chat), element('span', 'count', group.count));
    const list = element('ul', 'rows');
    for (const pin of group.pins) {
      const row = element('li', 'row pin-row');
      row.dataset.snapshotPin = '';
      const body = element('div', 'pin-body');
      const meta = element('div', 'pin-meta');
      if (pin.sender) meta.append(element('strong', 'sender', pin.sender));
      if (pin.time) meta.append(element('time', 'muted', pin.time));
      body.append(meta, element('p', 'pin-text', pin.text));
      row.append(body);
      list.append(row);
    }
    box.append(header, list);
    view.append(box);
  }
  screen.append(top, view);
  return screen;
}
