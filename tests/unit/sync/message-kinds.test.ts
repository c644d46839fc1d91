import { describe, expect, it } from 'vitest';
import { pinnedMessage } from '../../../lib/cliq/endpoints/shapes';
import { messageText, pinRecordFrom } from '../../../lib/lists/convert';

const pinInformation = { expiry_time: -1, is_primary: true, creator: { id: '16557777', name: 'Tim Harrison' } };

describe('pins as Cliq shows them', () => {
  it('resolves {@id} mentions to the names the answer gives (the documented example)', () => {
    // Transcribed from the Pin Messages v3 list example: the text is only a mention.
    const wire = pinnedMessage.parse({
      id: '1773894772896_12958180473',
      type: 'text',
      content: { text: '{@16557498}' },
      mentions: [{ name: '@sharan 203', id: '16557498', type: 'user' }],
      pin_information: pinInformation,
    });
    expect(pinRecordFrom(wire).text).toBe('@sharan 203');
  });

  it('adds the @ to names that lack it, and keeps an unknown mention readable instead of raw markup', () => {
    const text = messageText({
      content: { text: 'Ask {@1} and {@2} about it' },
      mentions: [{ id: '1', name: 'Priya' }],
    });
    expect(text).toBe('Ask @Priya and @2 about it');
  });

  it('leaves braces that are not mentions alone', () => {
    expect(messageText({ content: { text: 'config {a: 1} and {@ not one}' } })).toBe('config {a: 1} and {@ not one}');
  });

  it('keeps a file message’s file, and its comment as the text', () => {
    const wire = pinnedMessage.parse({
      id: '1542711601585_349430767610289',
      type: 'file',
      content: { file: { name: 'Feature-overview.jpg', type: 'image', id: 'f379' }, comment: 'Hope you like it' },
      pin_information: pinInformation,
    });
    const record = pinRecordFrom(wire);
    expect(record.attachment).toEqual({ name: 'Feature-overview.jpg', kind: 'image' });
    expect(record.text).toBe('Hope you like it');
  });

  it('a file without a comment has no text, and a text message no attachment', () => {
    const file = pinRecordFrom(
      pinnedMessage.parse({
        id: '1_2',
        type: 'file',
        content: { file: { name: 'notes.txt' } },
        pin_information: pinInformation,
      }),
    );
    expect(file).toMatchObject({ text: '', attachment: { name: 'notes.txt' } });
    const text = pinRecordFrom(
      pinnedMessage.parse({ id: '1_3', content: { text: 'hi' }, pin_information: pinInformation }),
    );
    expect(text.attachment).toBeUndefined();
  });
});
