import { accountEpoch, SNAPSHOT_KEY } from '../../lib/auth/page-snapshot';

/*
 * The popup's first screen as text, kept so the next opening can paint it before the bundle, the worker and
 * IndexedDB are ready (entrypoints/popup-snapshot.ts). Written from the rendered rows after each board read, so it
 * shows exactly what the person last saw; painted with textContent only (message text is other people's words,
 * never HTML), marked as "from cache", and replaced as soon as the board is read. Kept in localStorage, which a
 * page reads synchronously, under the account epoch of lib/auth/page-snapshot.ts: a sign-in, sign-out or new
 * connection voids it. Few imports: the early script that paints it must stay small.
 */

export const SNAPSHOT_ID = 'popup-snapshot';

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

interface SnapshotWords {
  /** The popup's title and the note that these rows are from the cache, in the language they were taken in. */
  title: string;
  note: string;
}

export interface PopupSnapshot {
  /** The account whose pins these are. */
  account: string;
  /** The account epoch it was taken in; painted only while that epoch lasts. */
  epoch: string;
  words: SnapshotWords;
  groups: SnapshotGroup[];
}

/** The kept snapshot, if one was taken in the current account epoch: another account's pins are never shown. */
export function keptSnapshot(store: Storage): PopupSnapshot | undefined {
  let snapshot: PopupSnapshot | undefined;
  try {
    snapshot = JSON.parse(store.getItem(SNAPSHOT_KEY) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
  return snapshot?.epoch === accountEpoch(store) && Array.isArray(snapshot.groups) && snapshot.words
    ? snapshot
    : undefined;
}

/**
 * Keeps the first screen for the next opening, or forgets it when there is none (`undefined`). `epoch` is the
 * epoch the board's account was read in: if a sign-in, sign-out or new connection began since, nothing is kept.
 */
export function keepSnapshot(store: Storage, epoch: string, snapshot: Omit<PopupSnapshot, 'epoch'> | undefined) {
  if (snapshot && epoch === accountEpoch(store)) store.setItem(SNAPSHOT_KEY, JSON.stringify({ ...snapshot, epoch }));
  else store.removeItem(SNAPSHOT_KEY);
}

const textOf = (root: Element, selector: string) => root.querySelector(selector)?.textContent?.trim() ?? '';

/** The first rows of the pins tab as rendered, or undefined when it shows none (nothing worth painting early). */
export function snapshotOf(
  root: ParentNode,
  account: string,
  words: SnapshotWords,
): Omit<PopupSnapshot, 'epoch'> | undefined {
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
  return rows > 0 ? { account, words, groups } : undefined;
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
export function paintSnapshot(snapshot: PopupSnapshot): HTMLElement {
  const { words } = snapshot;
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
