import { createContext, type VNode } from 'preact';
import { useContext } from 'preact/hooks';
import type { IntentInput } from '../../lib/intents/intents';
import type { Names } from './model/describe';
import type { Recreated } from './model/undo';
import type { Board } from './useBoard';

export interface UndoOffer {
  message: string;
  /**
   * Plans the intents that put things back, from the state at the moment the user asks; `recreated` folders
   * get their place and collapsed state back once Cliq has given them an id.
   */
  plan: () => Promise<{ intents: IntentInput[]; recreated?: Recreated[] }>;
}

/** What every part of the popup needs from the shell: the data, the clock and the ways to act. */
export interface PopupApi {
  board: Board;
  now: number;
  /** Cliq's rate-limit minute (shorter against a scaled sandbox), for estimates. */
  minuteMs: number;
  names: Names;
  /** The signed-in user's Cliq id, when Zoho named it at sign-in: "pinned by me" compares pins against it. */
  me?: string;
  /** The chat in Cliq's web app; undefined while no Cliq host is configured. */
  chatLink(chatId: string): string | undefined;
  /** In the side panel: the chat open in the tab beside it, whose pins come first. */
  activeChatId?: string | undefined;
  /** Queues the intents and says so; false (with the reason shown) if the queue refused them. */
  run(intents: readonly IntentInput[], done?: string): Promise<boolean>;
  notify(message: string, tone?: 'ok' | 'error'): void;
  openDialog(render: (close: () => void) => VNode): void;
  offerUndo(offer: UndoOffer): void;
}

export const PopupContext = createContext<PopupApi | null>(null);

export function usePopup(): PopupApi {
  const api = useContext(PopupContext);
  if (!api) throw new Error('usePopup outside the popup');
  return api;
}
