import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { vi } from 'vitest';
import { inBar, inChatMenu, inDialog, PIN_CONTROL, waitFor } from './page-helpers';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Where a control's centre sits from the top-left corner of something the page itself shows, and the edges of the
 * popover it is in, if any: a popover shows up before its content has come (folders, a chat's pins), smaller.
 */
export interface Spot {
  dx: number;
  dy: number;
  popover?: Box;
}

/** The places a person presses in the in-page UI, each from what it hangs from, and the first pin of the bar. */
export interface Spots {
  chatButton: Spot;
  folderRow: Spot;
  barToggle: Spot;
  firstPinJump: Spot;
  firstPinId: string;
  pinControl: Spot;
  dialogPin: Spot;
}

async function spotOf(page: Page, reference: string, target: ElementHandle<Element>): Promise<Spot> {
  const box = await target.boundingBox();
  if (!box) throw new Error(`${reference}: the control to measure is not laid out`);
  const from = await page.$eval(reference, (el) => el.getBoundingClientRect().toJSON() as DOMRect);
  const panel = await target.evaluate((el) => el.closest('.cp-popover')?.getBoundingClientRect().toJSON() as DOMRect);
  return {
    dx: box.x + box.width / 2 - from.left,
    dy: box.y + box.height / 2 - from.top,
    popover: panel && {
      left: panel.left - from.left,
      top: panel.top - from.top,
      right: panel.right - from.left,
      bottom: panel.bottom - from.top,
    },
  };
}

/**
 * Measures the spots on a fresh page at `url` whose in-page UI has open roots (the caller opened them), in the
 * same browser and window size as the page they are used on: same fonts, same layout. Presses nothing that
 * changes anything; every popover opened is closed again.
 */
export async function measureSpots(
  browser: Browser,
  url: string,
  at: { chat: string; folder: string; message: string },
): Promise<Spots> {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    await waitFor(page, inBar('[data-testid=pinned-bar][data-state=ready]'));
    if (!(await page.$eval('cliq-pins-bar', (el) => el.shadowRoot !== null)))
      throw new Error('the measuring page’s in-page UI is closed');

    await page.hover(at.chat);
    const chatButton = await waitFor(page, inChatMenu('[data-testid=chat-folder-button]'));
    const spots: Partial<Spots> = { chatButton: await spotOf(page, at.chat, chatButton) };
    await chatButton.click();
    const rows = await vi.waitFor(
      async () => {
        const found = await page.$$(inChatMenu('[data-testid=folder-row]'));
        if (found.length === 0) throw new Error('the chat list’s folder menu shows no folder');
        return found;
      },
      { timeout: 15_000, interval: 100 },
    );
    for (const row of rows)
      if ((await row.evaluate((el) => el.textContent ?? '')).includes(at.folder)) {
        const toggle = await row.$('[data-testid=folder-toggle]');
        if (toggle) spots.folderRow = await spotOf(page, at.chat, toggle);
      }
    await page.keyboard.press('Escape');

    spots.barToggle = await spotOf(
      page,
      'cliq-pins-bar',
      await waitFor(page, inBar('[data-testid=pinned-bar-toggle]')),
    );
    await page.click(inBar('[data-testid=pinned-bar-toggle]'));
    const first = await waitFor(page, inBar('[data-testid=pinned-bar-panel] [data-testid=pin-row]'));
    spots.firstPinId = await first.evaluate((el) => el.getAttribute('data-message-id') ?? '');
    const jump = await first.$('[data-testid=pin-jump]');
    if (jump) spots.firstPinJump = await spotOf(page, 'cliq-pins-bar', jump);
    await page.keyboard.press('Escape');

    await page.hover(at.message);
    const control = await waitFor(page, `${at.message} > ${PIN_CONTROL}`);
    spots.pinControl = await spotOf(page, at.message, control);
    await control.click();
    const pin = await waitFor(page, inDialog('[data-testid=dialog-pin]'));
    spots.dialogPin = await spotOf(page, at.message, pin);
    await page.keyboard.press('Escape');

    if (!spots.folderRow) throw new Error(`the chat list’s folder menu has no folder ${at.folder}`);
    if (!spots.firstPinJump) throw new Error('the bar’s first pin has no jump button');
    return spots as Spots;
  } finally {
    await page.close();
  }
}

/**
 * The point of `spot` from `reference`'s corner if the UI is drawn there as measured, else null: the point hits an
 * element inside `drawn` (the host of a closed root, or a page element), and so do the popover's measured top and
 * bottom edges, while the point just below its bottom edge does not.
 */
export function drawnAt(
  page: Page,
  reference: string,
  spot: Spot,
  drawn: string,
): Promise<{ x: number; y: number } | null> {
  return page.$eval(
    reference,
    (el, { dx, dy, popover }, selector, edge) => {
      const from = el.getBoundingClientRect();
      const hits = (x: number, y: number) =>
        Boolean(document.elementFromPoint(from.left + x, from.top + y)?.closest(selector));
      const middle = popover ? (popover.left + popover.right) / 2 : 0;
      const whole =
        !popover ||
        (hits(middle, popover.top + edge) &&
          hits(middle, popover.bottom - edge) &&
          (from.top + popover.bottom + edge >= window.innerHeight || !hits(middle, popover.bottom + edge)));
      return whole && hits(dx, dy) ? { x: from.left + dx, y: from.top + dy } : null;
    },
    spot,
    drawn,
    // Clear of the panel's rounded corners and borders, and of Firefox's sub-pixel edges.
    6,
  );
}

/** Presses the mouse at `spot` from `reference`'s corner once the UI has drawn itself there, as a person waits to see it. */
export async function pressAt(page: Page, reference: string, spot: Spot, drawn: string): Promise<void> {
  const point = await vi.waitFor(
    async () => {
      const found = await drawnAt(page, reference, spot, drawn);
      if (!found) throw new Error(`nothing of ${drawn} drawn at ${JSON.stringify(spot)} from ${reference}`);
      return found;
    },
    { timeout: 15_000, interval: 100 },
  );
  await page.mouse.click(point.x, point.y);
}
