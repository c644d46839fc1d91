import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from './harness';
import {
  eventually,
  HANNAH,
  inDialog,
  messageId,
  messages,
  OMAR,
  PIN_CONTROL,
  PIN_MARKER,
  pageMessage,
  pinsOf,
  usePageSession,
  waitFor,
} from './page-helpers';

const ROOM = 'CT_9100000000000000011_700012345';
const m = (n: number) => messageId(9, n);

const SEED = {
  users: [HANNAH, OMAR],
  chats: [
    {
      id: ROOM,
      type: 'group_chat' as const,
      title: 'Keyboard Room',
      memberIds: [HANNAH.id, OMAR.id],
      messages: messages(9, 5, (n) => `Keyboard message number ${n}`),
    },
  ],
  pins: [{ chatId: ROOM, messageId: m(2) }],
};

/** The focused element's pin-control facts, or null when focus is elsewhere. */
const focusedControl = (page: Page) =>
  page.evaluate((selector: string) => {
    const control = document.activeElement;
    if (!control?.matches(selector)) return null;
    const box = control.getBoundingClientRect();
    return {
      name: control.getAttribute('aria-label'),
      in: control.parentElement?.getAttribute('msguid'),
      // Seen, not in a display:none container, and on the screen.
      visible: control.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
      onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight,
    };
  }, PIN_CONTROL);

const inMessage = (n: number) => m(n).replace('_', '%20');

describe.each(BROWSERS)('the pin control by keyboard, and the pinned marker, in %s', (name) => {
  const at = usePageSession(name, SEED, ROOM);
  let page: Page;
  beforeAll(async () => {
    page = at.page;
    await page.waitForSelector(PIN_CONTROL, { timeout: 15_000 });
  });

  it('marks the pinned message in the chat without hover, and no other message', async () => {
    const marker = await page.waitForSelector(`${pageMessage(m(2))} ${PIN_MARKER}`, { timeout: 15_000 });
    expect(await page.$$eval(PIN_MARKER, (els) => els.length)).toBe(1);
    const seen = await marker?.evaluate((el) => ({
      visible: el.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
      width: el.getBoundingClientRect().width,
      label: el.getAttribute('aria-label'),
      icon: el.querySelector('svg')?.getAttribute('fill'),
    }));
    expect(seen).toEqual({ visible: true, width: expect.any(Number), label: 'Pinned', icon: 'currentColor' });
    expect(seen?.width).toBeGreaterThan(0);
  });

  it('is reached with Tab from the composer, shown while focused, and named after its message', async () => {
    await page.click('[composer-component-editor]');
    let reached = null;
    for (let press = 0; press < 6 && !reached; press++) {
      await page.keyboard.down('Shift');
      await page.keyboard.press('Tab');
      await page.keyboard.up('Shift');
      reached = await focusedControl(page);
    }
    // It fades in over 120 ms from the moment it has focus.
    if (reached && !reached.visible) {
      await page.waitForFunction(
        (selector: string) =>
          document.activeElement?.matches(selector) && getComputedStyle(document.activeElement).opacity === '1',
        { timeout: 5_000 },
        PIN_CONTROL,
      );
      reached = await focusedControl(page);
    }
    expect(reached).toEqual({
      name: 'Pin message: Keyboard message number 5',
      in: inMessage(5),
      visible: true,
      onScreen: true,
    });
  });

  it('moves between messages with the arrow keys, with names that tell them and their state apart', async () => {
    await page.keyboard.press('ArrowUp');
    expect(await focusedControl(page)).toMatchObject({
      name: 'Pin message: Keyboard message number 4',
      in: inMessage(4),
    });
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await focusedControl(page)).toMatchObject({
      name: 'Pinned — change or unpin: Keyboard message number 2',
      in: inMessage(2),
      visible: true,
    });
    expect(await page.$eval(PIN_CONTROL, (el) => el.querySelector('svg')?.getAttribute('fill'))).toBe('currentColor');
    await page.keyboard.press('ArrowDown');
    expect(await focusedControl(page)).toMatchObject({ in: inMessage(3), visible: true });
    expect(await page.$eval(PIN_CONTROL, (el) => el.querySelector('svg')?.getAttribute('fill'))).toBe('none');
  });

  it('opens the pin dialog with Enter for the message it is on, pins it there, and gets focus back', async () => {
    await page.keyboard.press('Enter');
    await waitFor(page, inDialog('[data-testid=pin-dialog][data-pinned=false]'));
    await page.click(inDialog('[data-testid=dialog-pin]'));
    await eventually(() => expect(pinsOf(at.sandbox, ROOM).map((p) => p.messageId)).toContain(m(3)));
    await page.waitForFunction(
      (control: string) => document.activeElement?.matches(control),
      { timeout: 10_000 },
      PIN_CONTROL,
    );
    await page.waitForFunction(
      (selector: string) => document.activeElement?.getAttribute('aria-label') === selector,
      { timeout: 15_000 },
      'Pinned — change or unpin: Keyboard message number 3',
    );
    // Moving away leaves the new pin's marker behind.
    await page.keyboard.press('ArrowDown');
    await page.waitForSelector(`${pageMessage(m(3))} ${PIN_MARKER}`, { timeout: 15_000 });
  });
});
