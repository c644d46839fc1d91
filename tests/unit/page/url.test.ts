import { describe, expect, it } from 'vitest';
import { DATA_CENTRES } from '../../../lib/cliq/datacentres';
import { isCliqPage, parseCliqUrl } from '../../../lib/web/url';

const ORG = '700012345';
const CHAT = 'CT_2243554545344358_700012345';
const MESSAGE = '1573708648341_375412769224';
const HOSTS = Object.values(DATA_CENTRES).map((dc) => `cliq.${dc.domain}`);

describe('parseCliqUrl', () => {
  it('knows the Cliq host of every data centre', () => {
    expect(HOSTS).toEqual(
      expect.arrayContaining(['cliq.zoho.com', 'cliq.zoho.eu', 'cliq.zoho.in', 'cliq.zoho.com.au', 'cliq.zoho.jp']),
    );
    expect(HOSTS).toEqual(
      expect.arrayContaining(['cliq.zoho.sa', 'cliq.zoho.com.cn', 'cliq.zohocloud.ca', 'cliq.zoho.uk']),
    );
  });

  describe.each(HOSTS)('on %s', (host) => {
    const base = `https://${host}`;
    it.each([
      [`/company/${ORG}/chats/${CHAT}`, { orgId: ORG, chatId: CHAT }],
      [`/company/${ORG}/chats/${CHAT}/`, { orgId: ORG, chatId: CHAT }],
      [`/chats/${CHAT}`, { chatId: CHAT }],
      [`/company/${ORG}/chats/${CHAT}/messages/${MESSAGE}`, { orgId: ORG, chatId: CHAT, messageId: MESSAGE }],
      [`/chats/${CHAT}/messages/${MESSAGE}`, { chatId: CHAT, messageId: MESSAGE }],
      [`/company/${ORG}/chats/${CHAT}?markup=v2#bottom`, { orgId: ORG, chatId: CHAT }],
    ])('reads %s', (path, expected) => {
      expect(parseCliqUrl(`${base}${path}`, false)).toEqual(expected);
    });

    it('reads a Cliq page outside any chat as no chat', () => {
      expect(parseCliqUrl(`${base}/company/${ORG}/chats`, false)).toEqual({ orgId: ORG });
      expect(parseCliqUrl(`${base}/company/${ORG}/settings/profile`, false)).toEqual({ orgId: ORG });
      expect(parseCliqUrl(`${base}/`, false)).toEqual({});
    });

    it('writes the _ of a message id that the link encoded as a space', () => {
      const spaced = MESSAGE.replace('_', '%20');
      expect(parseCliqUrl(`${base}/chats/${CHAT}/messages/${spaced}`, false)?.messageId).toBe(MESSAGE);
    });

    it('refuses plain http on a Cliq host', () => {
      expect(parseCliqUrl(`http://${host}/chats/${CHAT}`, false)).toBeNull();
    });
  });

  it('ignores hosts that only look like Cliq', () => {
    for (const url of [
      `https://cliq.zoho.com.evil.example/chats/${CHAT}`,
      `https://evilcliq.zoho.com/chats/${CHAT}`,
      `https://zoho.com/chats/${CHAT}`,
      `https://accounts.zoho.com/chats/${CHAT}`,
      'not a url',
    ]) {
      expect(parseCliqUrl(url, true)).toBeNull();
    }
  });

  it('reads the loopback sandbox only when the build may reach it', () => {
    const sandbox = `http://127.0.0.1:8787/company/${ORG}/chats/${CHAT}`;
    expect(parseCliqUrl(sandbox, true)).toEqual({ orgId: ORG, chatId: CHAT });
    expect(parseCliqUrl(sandbox, false)).toBeNull();
    expect(isCliqPage(new URL('http://localhost:8787/'), true)).toBe(false);
  });

  it('passes on nothing that is not shaped like a Cliq id', () => {
    const evil = encodeURIComponent('<img src=x onerror=alert(1)>');
    expect(parseCliqUrl(`https://cliq.zoho.com/chats/${evil}`, false)).toEqual({});
    expect(parseCliqUrl(`https://cliq.zoho.com/chats/${CHAT}/messages/${evil}`, false)).toEqual({ chatId: CHAT });
    expect(parseCliqUrl(`https://cliq.zoho.com/chats/%E0%A4%A`, false)).toEqual({});
    expect(parseCliqUrl(`https://cliq.zoho.com/chats/${'x'.repeat(101)}`, false)).toEqual({});
  });
});
