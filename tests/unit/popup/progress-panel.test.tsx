// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ProgressPanel } from '../../../components/popup/ProgressPanel';
import type { QueueProgress } from '../../../lib/store/journal';
import type { IntentRecord } from '../../../lib/store/records';
import { useMessages } from '../messages';
import { boardOf, popupApiFor, renderInPopup, useRoot } from './fixture';

const root = useRoot();
const unpin = { kind: 'unpinMessages' as const, chatId: 'CT_1', messageIds: ['1_1'] };
const names = {
  chat: (id: string) => (id === 'CT_1' ? 'Ops' : id),
  folder: (id: string) => id,
  pin: (chatId: string, messageId: string) => (chatId === 'CT_1' && messageId === '1_1' ? 'Wi-Fi password' : undefined),
};

function progressOf(partial: Partial<QueueProgress>): QueueProgress {
  return {
    done: 0,
    total: 1,
    failed: 0,
    nextSlotAt: null,
    lockedUntil: null,
    waitingForSignIn: false,
    retrying: [],
    ...partial,
  };
}

/** Text without the bidi isolates (FSI, PDI) around names and quotes: what a person reads. */
const plain = (text: string | null | undefined) => text?.replace(/[\u2068\u2069]/g, '');

function mount(progress: QueueProgress, failed: IntentRecord[] = []) {
  renderInPopup(root(), popupApiFor(boardOf(), { names }), <ProgressPanel progress={progress} failed={failed} />);
  return root().querySelector('[data-testid=progress]') as HTMLElement;
}

describe('the progress panel while Cliq fails', () => {
  it('names the action the user asked for, why it is not done and when it is tried again', () => {
    const panel = mount(
      progressOf({
        retrying: [
          {
            id: 1,
            intent: unpin,
            retryAt: Date.now() + 30_000,
            error: {
              kind: 'transient',
              status: 500,
              message: 'Cliq had a problem (HTTP 500) while trying to list pinned messages. Try again in a moment.',
            },
          },
        ],
      }),
    );
    const item = panel.querySelector('[data-testid=retrying-intent]') as HTMLElement;
    expect(plain(item.textContent)).toMatch(
      /^Unpin “Wi-Fi password” in Ops Not done yet: Cliq is having trouble \(HTTP 500\)\.Trying again in 30 sec?\.$/,
    );
    // The internal read that failed is not the user's business.
    expect(panel.textContent).not.toContain('list pinned messages');
    expect(item.querySelector('[aria-live=polite]')?.textContent).not.toContain('Trying again');
  });

  it('says when Cliq cannot be reached at all', () => {
    const panel = mount(
      progressOf({
        retrying: [
          {
            id: 1,
            intent: { ...unpin, messageIds: ['1_1', '1_2'] },
            retryAt: Date.now() - 1,
            error: { kind: 'transient', message: 'Could not reach Cliq to unpin messages (Failed to fetch).' },
          },
        ],
      }),
    );
    expect(plain(panel.querySelector('[data-testid=retrying-intent]')?.textContent)).toBe(
      'Unpin messages (2) in Ops Not done yet: Cliq can’t be reached right now: no answer.Trying again now.',
    );
  });

  it('words a final failure the same way, and keeps a refusal in Cliq’s own terms', () => {
    const record = (id: number, error: IntentRecord['error']): IntentRecord => ({
      id,
      intent: unpin,
      state: 'failed',
      createdAt: 0,
      updatedAt: 0,
      attempts: 6,
      conflicts: 0,
      notBefore: 0,
      memory: {},
      error,
    });
    const panel = mount(progressOf({ done: 0, total: 0 }), [
      record(1, { kind: 'transient', status: 503, message: 'while trying to list pinned messages' }),
      record(2, { kind: 'invalid', message: 'Cliq would not unpin messages: message_not_found.' }),
    ]);
    const texts = [...panel.querySelectorAll('[data-testid=failed-intent] p')].map((p) => p.textContent);
    expect(texts).toEqual(['Cliq is having trouble (HTTP 503).', 'Cliq would not unpin messages: message_not_found.']);
  });

  it('keeps a quoted pin and a chat name whole inside an Arabic sentence: each is a bidi isolate', () => {
    useMessages('ar');
    const panel = mount(progressOf({ done: 0, total: 0 }), [
      {
        id: 1,
        intent: { ...unpin, chatId: 'CT_1' },
        state: 'failed',
        createdAt: 0,
        updatedAt: 0,
        attempts: 1,
        conflicts: 0,
        notBefore: 0,
        memory: {},
        error: { kind: 'invalid', message: 'operation_failed' },
      },
    ]);
    useMessages('en');
    expect(panel.querySelector('[data-testid=failed-intent] strong')?.textContent).toBe(
      'إلغاء تثبيت «\u2068Wi-Fi password\u2069» في \u2068Ops\u2069',
    );
  });
});
