import type { IntentInput } from '../../lib/intents/intents';
import { sendMessage } from '../../lib/messaging/page-send';

/** The background takes at most this many intents per message. */
const MAX_PER_MESSAGE = 100;

/** Hands intents to the queue (journalled before anything is sent); throws the queue's reason if refused. */
export async function enqueue(intents: readonly IntentInput[]): Promise<void> {
  for (let at = 0; at < intents.length; at += MAX_PER_MESSAGE) {
    const result = await sendMessage('enqueue', { intents: intents.slice(at, at + MAX_PER_MESSAGE) });
    if (!result.ok) throw new Error(result.error);
  }
}

/** Saves generated text as a file; the object URL lives only as long as the click needs it. */
export function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
