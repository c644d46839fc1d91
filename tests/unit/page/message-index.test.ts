// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { messageIndex } from '../../../lib/page/message-index';
import { fallbackReader, findMessages } from '../../../lib/page/messages';
import { EVIDENCE, MESSAGE_IDS } from './evidence';

const FIRST = MESSAGE_IDS[0] as string;
const msguid = (id: string) => id.replace('_', '%20');

describe('messageIndex (pinned ids find their message without a query over every node)', () => {
  beforeEach(() => {
    document.body.innerHTML = EVIDENCE;
  });

  it('reads each message id once as it arrives, and skips the date divider that repeats one', () => {
    const found = findMessages();
    if (!found) throw new Error('no messages');
    const index = messageIndex(found.reader, found.root);
    const candidates = [...found.root.querySelectorAll('[msguid]')];
    const ids = index.add(candidates);
    expect(ids.filter(Boolean)).toEqual(MESSAGE_IDS);
    const first = index.get(FIRST);
    expect(first?.hasAttribute('msg-cont')).toBe(true);
    expect(first?.getAttribute('purpose')).toBeNull();
  });

  it('never hands back a quoted reply that carries another message’s id (the fallback indexes quotes too)', () => {
    for (const element of document.querySelectorAll('[msg-cont]')) element.removeAttribute('msg-cont');
    const root = document.querySelector('section') as Element;
    const reader = fallbackReader(root);
    if (!reader) throw new Error('no fallback');
    const index = messageIndex(reader, root);
    // The quote in the third message comes last, so it overwrites the first message's entry.
    const quote = document.querySelector('blockquote') as Element;
    index.add([...root.querySelectorAll(reader.candidates)].filter((e) => e !== quote).concat(quote));
    const first = index.get(FIRST);
    expect(first?.closest('blockquote')).toBeNull();
    expect(first?.getAttribute('msguid')).toBe(msguid(FIRST));
  });

  it('finds a message the page has replaced since it was indexed, and forgets one that is gone', () => {
    const found = findMessages();
    if (!found) throw new Error('no messages');
    const index = messageIndex(found.reader, found.root);
    index.add([...found.root.querySelectorAll(found.reader.candidates)]);
    const old = index.get(FIRST) as Element;
    const fresh = old.cloneNode(true) as Element;
    old.replaceWith(fresh);
    expect(index.get(FIRST)).toBe(fresh);
    fresh.remove();
    expect(index.get(FIRST)).toBeNull();
  });

  it('does not search the page for an id it has never seen (that message has not arrived yet)', () => {
    const found = findMessages();
    if (!found) throw new Error('no messages');
    const index = messageIndex(found.reader, found.root);
    expect(index.get(FIRST)).toBeNull();
    index.add([...found.root.querySelectorAll(found.reader.candidates)]);
    expect(index.get(FIRST)?.getAttribute('msguid')).toBe(msguid(FIRST));
  });
});
