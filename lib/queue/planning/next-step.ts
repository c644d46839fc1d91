import { isPinIntent } from '../../intents/intents';
import type { FolderList } from '../../store/cache';
import type { IntentRecord, PinListRecord } from '../../store/records';
import { planFolderIntent } from './folder-intents';
import { planPinIntent } from './pin-intents';
import { isTrusted, type Step } from './step';

export function planStep(
  record: IntentRecord,
  views: { pins?: PinListRecord; folders?: FolderList },
  now: number,
): Step {
  const { intent } = record;
  const view = isPinIntent(intent) ? views.pins : views.folders;
  const trusted = isTrusted(record, view);
  // An unknown outcome is settled by reading Cliq's state, never by sending again blindly.
  if (record.rereadAfter !== undefined && !trusted) return { type: 'read' };
  return isPinIntent(intent)
    ? planPinIntent(intent, { record, view: views.pins, trusted, now })
    : planFolderIntent(intent, { record, view: views.folders, trusted, now });
}
