import type { Page } from 'puppeteer-core';

/**
 * The popup's views, each opened from the one before (the order matters): what the axe check and the pseudo-locale
 * walk both visit, so a new dialog is checked by both once it is listed here.
 */
export const POPUP_VIEWS: [string, (page: Page) => Promise<void>][] = [
  ['pinned messages', async (page) => page.click('[data-testid=tab-pins]')],
  ['the export menu', (page) => page.click('[data-testid=export-menu]')],
  [
    'a selection and the unpin confirmation',
    async (page) => {
      await page.click('[data-testid=export-menu]');
      await page.click('[data-testid=select-chat]');
      await page.click('[data-testid=bulk-unpin]');
      await page.waitForSelector('[data-testid=confirm][open] [data-testid=estimate]');
    },
  ],
  [
    'pin details',
    async (page) => {
      await page.keyboard.press('Escape');
      await page.click('[data-testid=select-chat]');
      await page.click('[data-testid=pin-details]');
      await page.waitForSelector('[data-testid=pin-details-dialog][open]');
    },
  ],
  [
    'pinned chats',
    async (page) => {
      await page.keyboard.press('Escape');
      await page.click('[data-testid=tab-chats]');
    },
  ],
  [
    'the new-folder dialog',
    async (page) => {
      await page.click('[data-testid=new-folder]');
      await page.waitForSelector('[data-testid=folder-dialog][open]');
    },
  ],
  [
    'the delete-folder dialog',
    async (page) => {
      await page.keyboard.press('Escape');
      await page.click('[data-testid=folder-delete]');
      await page.waitForSelector('[data-testid=delete-folder-dialog][open]');
    },
  ],
  [
    'the edit-folder dialog with its chat picker',
    async (page) => {
      await page.keyboard.press('Escape');
      await page.click('[data-testid=folder-edit]');
      await page.waitForSelector('[data-testid=folder-dialog][open] [data-testid=folder-chat-picker]');
    },
  ],
  [
    'the move dialog',
    async (page) => {
      await page.keyboard.press('Escape');
      if (!(await page.$('[data-testid=bulk-move]'))) await page.click('[data-testid=folder-chat] .row-check');
      await page.click('[data-testid=bulk-move]');
      await page.waitForSelector('[data-testid=move-chats-dialog][open]');
    },
  ],
];
