import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../sandbox';
import { BROWSERS, type ExtensionSession } from './harness';
import { dragOnto, expectNoFailures, QUEUE_TIMEOUT, serverFolder, setUpPopup } from './popup-helpers';

/** Wider than any popup: the folder's row has to cut it. */
const LONG_TITLE =
  'Launch week, with every checklist, review, sign-off and rehearsal the launch still needs before Friday';
/** One long word, as ids and addresses in failure reasons are. */
const RENAMED = 'Operations_and_infrastructure_oncall_rota_for_the_whole_quarter';
const byTitle = (title: string) => (folder: { title: string }) => folder.title === title;
const folderIds = (sandbox: Sandbox) => sandbox.state.folders.map((f) => f.id);
const folderRow = (id: string) => `[data-testid=folder][data-folder-id="${id}"]`;

async function replaceText(popup: Page, selector: string, text: string): Promise<void> {
  await popup.$eval(selector, (input) => (input as HTMLInputElement).select());
  await popup.type(selector, text);
}

/** The folder's id once Cliq has confirmed it (a queued one shows as pending-N). */
async function confirmedId(popup: Page, sandbox: Sandbox, title: string): Promise<string> {
  await expect.poll(() => serverFolder(sandbox, byTitle(title))?.id, QUEUE_TIMEOUT).toBeTruthy();
  const id = serverFolder(sandbox, byTitle(title))?.id as string;
  await popup.waitForSelector(folderRow(id), { timeout: QUEUE_TIMEOUT.timeout });
  return id;
}

describe.each(BROWSERS)('the popup’s pinned chats in %s', (name) => {
  let session: ExtensionSession;
  let sandbox: Sandbox;
  let popup: Page;
  let created: string;

  beforeAll(async () => {
    ({ session, sandbox, popup } = await setUpPopup(name));
    await popup.click('[data-testid=tab-chats]');
  });
  afterAll(async () => {
    await Promise.all([session?.close(), sandbox?.stop()]);
  });

  it('creates a folder with an emoji and chats, renames it, changes its emoji and collapses it', async () => {
    const chats = sandbox.state.folders[0]?.chatIds.slice(0, 2) ?? [];
    await popup.click('[data-testid=new-folder]');
    await popup.waitForSelector('[data-testid=folder-dialog][open]');
    await popup.type('[data-testid=folder-title]', 'Launch week');
    await popup.click('[data-testid=folder-dialog] button[aria-label="Use ⭐"]');
    for (const chatId of chats) await popup.click(`[data-testid=folder-chat-picker] input[data-chat-id="${chatId}"]`);
    await popup.click('[data-testid=folder-save]');

    created = await confirmedId(popup, sandbox, 'Launch week');
    expect(serverFolder(sandbox, byTitle('Launch week'))).toMatchObject({ symbol: '⭐', chatIds: chats });

    await popup.click(`${folderRow(created)} [data-testid=folder-edit]`);
    await popup.waitForSelector('[data-testid=folder-dialog][open]');
    await replaceText(popup, '[data-testid=folder-title]', LONG_TITLE);
    await popup.click('[data-testid=folder-dialog] button[aria-label="Use ✅"]');
    await popup.click('[data-testid=folder-save]');
    await expect
      .poll(() => serverFolder(sandbox, (f) => f.id === created), QUEUE_TIMEOUT)
      .toMatchObject({ title: LONG_TITLE, symbol: '✅' });
    // Too long for its row: cut with "…", which only a block's own text gets (a flex box's text was cut bare).
    const name = `${folderRow(created)} [data-testid=folder-toggle] .folder-name`;
    await popup.waitForFunction((selector: string) => document.querySelector(selector)?.textContent?.length, {}, name);
    expect(
      await popup.$eval(name, (el) => {
        const style = getComputedStyle(el);
        return { cut: el.scrollWidth > el.clientWidth, display: style.display, textOverflow: style.textOverflow };
      }),
    ).toEqual({ cut: true, display: expect.not.stringMatching(/flex/), textOverflow: 'ellipsis' });
    // And My Pins' name, a block of text in a line of its own, sits level with the checkbox, not raised above it.
    const { above, below } = await popup.$eval('[data-testid=folder] .folder-title:has(> .folder-name)', (title) => {
      const [outer, inner] = [
        title.getBoundingClientRect(),
        title.querySelector('.folder-name')?.getBoundingClientRect(),
      ];
      return { above: (inner?.top ?? 0) - outer.top, below: outer.bottom - (inner?.bottom ?? 0) };
    });
    expect(Math.abs(above - below)).toBeLessThanOrEqual(1);

    await popup.click(`${folderRow(created)} [data-testid=folder-toggle]`);
    await expect.poll(() => serverFolder(sandbox, (f) => f.id === created)?.state, QUEUE_TIMEOUT).toBe('collapsed');
    await popup.click(`${folderRow(created)} [data-testid=folder-toggle]`);
    await expect.poll(() => serverFolder(sandbox, (f) => f.id === created)?.state, QUEUE_TIMEOUT).toBe('expanded');
  });

  it('moves chats from two folders into another one', async () => {
    const projects = serverFolder(sandbox, byTitle('Projects'));
    const myPins = sandbox.state.folders[0];
    if (!projects || !myPins) throw new Error('seed changed');
    const fromProjects = projects.chatIds.slice(0, 2);
    const fromMyPins = myPins.chatIds.filter(
      (id) => !serverFolder(sandbox, (f) => f.id === created)?.chatIds.includes(id),
    )[0];
    const picks = [...fromProjects.map((id) => [projects.id, id]), [myPins.id, fromMyPins]];
    for (const [folderId, chatId] of picks) {
      await popup.click(`[data-testid=folder-chat][data-folder-id="${folderId}"][data-chat-id="${chatId}"] input`);
    }
    const target = serverFolder(sandbox, (f) => f.id === created)?.chatIds ?? [];
    const projectsBefore = [...projects.chatIds];
    const myPinsBefore = [...myPins.chatIds];

    await popup.click('[data-testid=bulk-move]');
    await popup.waitForSelector('[data-testid=move-chats-dialog][open]');
    await popup.select('[data-testid=move-target]', created);
    // Three folder lists change: one replace each.
    await expect
      .poll(() =>
        popup.$eval('[data-testid=move-chats-dialog] [data-testid=estimate]', (el) => el.getAttribute('data-requests')),
      )
      .toBe('5');
    await popup.click('[data-testid=move-chats-dialog] [data-testid=confirm-action]');

    await expect
      .poll(() => serverFolder(sandbox, (f) => f.id === created)?.chatIds, QUEUE_TIMEOUT)
      .toEqual([...target, ...fromProjects, fromMyPins]);
    await expect
      .poll(() => serverFolder(sandbox, byTitle('Projects'))?.chatIds, QUEUE_TIMEOUT)
      .toEqual(projectsBefore.filter((id) => !fromProjects.includes(id)));
    await expect
      .poll(() => sandbox.state.folders[0]?.chatIds, QUEUE_TIMEOUT)
      .toEqual(myPinsBefore.filter((id) => id !== fromMyPins));
    await expectNoFailures(popup);
  });

  it('reorders chats with Alt+ArrowUp and folders by dragging; My Pins stays first', async () => {
    const chats = serverFolder(sandbox, (f) => f.id === created)?.chatIds ?? [];
    const last = chats[chats.length - 1] as string;
    await popup.focus(`[data-testid=folder-chat][data-folder-id="${created}"][data-chat-id="${last}"] input`);
    await popup.keyboard.down('Alt');
    await popup.keyboard.press('ArrowUp');
    await popup.keyboard.up('Alt');
    const expected = [...chats.slice(0, -2), last, chats[chats.length - 2]];
    await expect.poll(() => serverFolder(sandbox, (f) => f.id === created)?.chatIds, QUEUE_TIMEOUT).toEqual(expected);

    const order = folderIds(sandbox);
    const first = order[1] as string;
    const handle = await popup.$(`${folderRow(created)} [data-testid=folder-drag-handle]`);
    const target = await popup.$(`${folderRow(first)} .folder-header`);
    if (!handle || !target) throw new Error('folders not on screen');
    await dragOnto(popup, handle, target, 'before');
    await expect
      .poll(() => folderIds(sandbox), QUEUE_TIMEOUT)
      .toEqual(['default', created, ...order.slice(1).filter((id) => id !== created)]);
  });

  it('deletes a folder moving its chats to My Pins, and undo brings the folder back where it was', async () => {
    const people = serverFolder(sandbox, byTitle('People'));
    if (!people) throw new Error('seed changed');
    const before = sandbox.state.folders.map((f) => ({ title: f.title, chatIds: [...f.chatIds] }));
    const myPinsBefore = [...(sandbox.state.folders[0]?.chatIds ?? [])];

    await popup.click(`${folderRow(people.id)} [data-testid=folder-delete]`);
    await popup.waitForSelector('[data-testid=delete-folder-dialog][open]');
    expect(await popup.$eval('[data-testid=delete-move-to-my-pins]', (el) => (el as HTMLInputElement).checked)).toBe(
      true,
    );
    await popup.click('[data-testid=delete-folder-dialog] [data-testid=confirm-action]');
    await expect.poll(() => serverFolder(sandbox, byTitle('People')), QUEUE_TIMEOUT).toBeUndefined();
    const moved = people.chatIds.filter((id) => !myPinsBefore.includes(id));
    expect(sandbox.state.folders[0]?.chatIds).toEqual([...myPinsBefore, ...moved]);

    // One toast region, below the list rather than over its rows, the undo offer in it.
    await popup.waitForSelector('[data-testid=toasts] [data-testid=undo]');
    const layout = await popup.evaluate(() => {
      const box = (el: Element | null | undefined) => el?.getBoundingClientRect();
      const region = box(document.querySelector('[data-testid=toasts]'));
      const list = box(document.querySelector('#panel-chats [data-scroll-area]'));
      return {
        regions: document.querySelectorAll('[data-testid=toasts]').length,
        overlapsList: Boolean(region && list && region.top < list.bottom && region.bottom > list.top),
      };
    });
    expect(layout).toEqual({ regions: 1, overlapsList: false });

    await popup.click('[data-testid=undo]');
    await expect
      .poll(() => sandbox.state.folders.map((f) => ({ title: f.title, chatIds: f.chatIds })), QUEUE_TIMEOUT)
      .toEqual(before);
    await expectNoFailures(popup);
  });

  it('deletes a folder and unpins its chats', async () => {
    const readLater = serverFolder(sandbox, byTitle('Read later'));
    if (!readLater) throw new Error('seed changed');
    const myPinsBefore = [...(sandbox.state.folders[0]?.chatIds ?? [])];
    await popup.click(`${folderRow(readLater.id)} [data-testid=folder-delete]`);
    await popup.waitForSelector('[data-testid=delete-folder-dialog][open]');
    await popup.click('[data-testid=delete-unpin-all]');
    await popup.click('[data-testid=delete-folder-dialog] [data-testid=confirm-action]');
    await expect.poll(() => serverFolder(sandbox, byTitle('Read later')), QUEUE_TIMEOUT).toBeUndefined();
    expect(sandbox.state.folders[0]?.chatIds).toEqual(myPinsBefore);
    await expect.poll(() => popup.$(folderRow(readLater.id)), QUEUE_TIMEOUT).toBeNull();
  });

  it('lists a failed action with the reason, and retries it once Cliq answers again', async () => {
    const ops = serverFolder(sandbox, byTitle('Ops'));
    if (!ops) throw new Error('seed changed');
    sandbox.setFaults('fail=1');
    await popup.click(`${folderRow(ops.id)} [data-testid=folder-edit]`);
    await popup.waitForSelector('[data-testid=folder-dialog][open]');
    await replaceText(popup, '[data-testid=folder-title]', RENAMED);
    await popup.click('[data-testid=folder-save]');

    const failed = await popup.waitForSelector('[data-testid=failed-intent]', { timeout: QUEUE_TIMEOUT.timeout });
    // Without the bidi isolates (FSI, PDI) around the names.
    const text = ((await failed?.evaluate((el) => el.textContent)) ?? '').replace(/[\u2068\u2069]/g, '');
    expect(text).toContain(`Rename Ops to ${RENAMED}`);
    expect(text.replace(`Rename Ops to ${RENAMED}`, '').trim().length).toBeGreaterThan(0);
    // In a 360 px popup a long word in the reason wraps: Retry and Dismiss stay on screen, not cut off at the edge.
    const viewport = popup.viewport();
    await popup.setViewport({ width: 360, height: 600 });
    const overflow = await failed?.evaluate((item) =>
      [...item.querySelectorAll('button')].map(
        (b) => b.getBoundingClientRect().right - document.documentElement.clientWidth,
      ),
    );
    if (viewport) await popup.setViewport(viewport);
    expect(overflow?.every((px) => px <= 0)).toBe(true);
    // The shown title rolls back: a failed intent is no longer applied.
    expect(await popup.$eval(`${folderRow(ops.id)} .folder-name`, (el) => el.textContent)).toBe('Ops');

    sandbox.setFaults(null);
    await popup.click('[data-testid=failed-intent] button');
    await expect.poll(() => serverFolder(sandbox, (f) => f.id === ops.id)?.title, QUEUE_TIMEOUT).toBe(RENAMED);
    await expect.poll(() => popup.$('[data-testid=failed-intent]'), QUEUE_TIMEOUT).toBeNull();

    // Deleted in a 360 px popup, the toast naming it wraps the long word instead of widening the popup past its edge.
    const wide = popup.viewport();
    await popup.setViewport({ width: 360, height: 600 });
    await popup.click(`${folderRow(ops.id)} [data-testid=folder-delete]`);
    await popup.waitForSelector('[data-testid=delete-folder-dialog][open]');
    await popup.click('[data-testid=delete-folder-dialog] [data-testid=confirm-action]');
    const toast = await popup.waitForSelector('[data-testid=undo-toast]');
    // How far Undo reaches past the toast's box and past the popup's edge (without the wrap: 215 px past the toast).
    const past = await toast?.evaluate((el) => {
      const undo = el.querySelector('button')?.getBoundingClientRect().right ?? Number.POSITIVE_INFINITY;
      return [undo - el.getBoundingClientRect().right, undo - document.documentElement.clientWidth];
    });
    if (wide) await popup.setViewport(wide);
    expect(past?.every((px) => px <= 0.5)).toBe(true);
  });
});
