import { useCallback, useEffect, useState } from 'preact/hooks';
import { planPinRestore } from '../../../components/popup/model/undo';
import { UndoToast } from '../../../components/popup/UndoToast';
import type { ShownPin } from '../../../lib/board/read-models';
import { t, tn } from '../../../lib/i18n';
import type { IntentInput } from '../../../lib/intents/intents';
import { ask } from '../../../lib/page/background';
import { askedHere } from './page-state';
import { errorText } from './text';

const NOTE_MS = 5_000;

/** An action just taken in the page, and how to put back what it changed (planned when Undo is pressed). */
export interface PageUndo {
  message: string;
  plan(): Promise<IntentInput[]>;
}

/** Undo for unpinning some of a chat's pins: the popup's plan, against the chat's pins as shown now. */
export function pinUndo(chatId: string, before: readonly ShownPin[], messageIds: readonly string[]): PageUndo {
  return {
    message: tn('popupUnpinnedCount', messageIds.length),
    plan: async () =>
      planPinRestore(chatId, before, new Set(messageIds), (await ask('getChatPins', { chatId })).pins, Date.now()),
  };
}

/**
 * The popup's undo toast, in the page: `offer` shows it for its few seconds; Undo sends the restoring intents
 * through the same queue, then says that it is putting things back (or why it cannot).
 */
export function usePageUndo() {
  const [undo, setUndo] = useState<PageUndo & { key: number }>();
  const [note, setNote] = useState<string>();
  // The note after Undo ("Putting it back.") is news, not state: it goes after a few seconds.
  useEffect(() => {
    if (!note) return;
    const timer = setTimeout(() => setNote(undefined), NOTE_MS);
    return () => clearTimeout(timer);
  }, [note]);
  const offer = useCallback((next: PageUndo) => {
    setNote(undefined);
    setUndo({ ...next, key: Date.now() });
  }, []);
  const run = async () => {
    if (!undo) return;
    setUndo(undefined);
    try {
      const intents = await undo.plan();
      if (intents.length === 0) return setNote(t('popupUndoNothing'));
      const result = await ask('enqueue', { intents });
      if (!result.ok) return setNote(result.error);
      for (const id of result.ids) askedHere.add(id);
      setNote(t('popupUndoQueued'));
    } catch (error) {
      setNote(errorText(error));
    }
  };
  const content = undo ? (
    <UndoToast key={undo.key} message={undo.message} onUndo={run} onExpire={() => setUndo(undefined)} />
  ) : (
    note && <span class="muted">{note}</span>
  );
  // `content` is for a live region that is already there (the pinned bar's), `view` brings its own.
  const view = (
    <div role="status" class="cp-undo" data-testid="page-undo">
      {content}
    </div>
  );
  return { offer, view, content };
}
