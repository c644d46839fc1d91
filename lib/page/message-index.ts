import { findMessage, isMessage, type MessageReader, messageIdIn } from './messages';

/**
 * Messages by id, filled as they reach the page, so a pinned id finds its message without a query over every
 * node. Date dividers repeat their first message's id and are never indexed; a quote that carries another
 * message's id may be, so `get` checks what it hands back and searches the page only when an entry is stale or wrong.
 */
export interface MessageIndex {
  /** Indexes `elements` (candidates from the observer); returns the ids it read, in order, for each message. */
  add(elements: readonly Element[]): (string | undefined)[];
  get(messageId: string): Element | null;
}

const isDivider = (element: Element) => element.getAttribute('purpose') === 'date';

export function messageIndex(reader: MessageReader, root: ParentNode): MessageIndex {
  const byId = new Map<string, Element>();
  return {
    add(elements) {
      return elements.map((element) => {
        if (isDivider(element)) return undefined;
        const id = messageIdIn(reader, element);
        if (id) byId.set(id, element);
        return id;
      });
    },
    get(messageId) {
      const known = byId.get(messageId);
      // Every message reaches `add` when it arrives: an id never seen is not on the page yet, and is not searched for.
      if (!known) return null;
      if (known.isConnected && isMessage(reader, known)) return known;
      const found = findMessage(reader, root, messageId);
      if (found) byId.set(messageId, found);
      else byId.delete(messageId);
      return found;
    },
  };
}
