import { describe, expect, it } from 'vitest';
import { DATA_CENTRE_IDS, DATA_CENTRES } from '../../../lib/cliq/datacentres';
import { buildUrl, cliqApiBase } from '../../../lib/cliq/url';
import { type Sandbox, type SeedData, startSandbox } from '../../sandbox';
import { DEFAULT_CURRENT_USER, loadSeed } from '../../sandbox/seed-data';
import { useClientSandbox } from './sandbox-client';

/*
 * URL building on its own, then what the client puts on the wire, read back from the sandbox's request log.
 */
const { sb, connect, onlyRequest } = useClientSandbox();
const PINS = '/v3/chats/{CHAT_ID}/pin-messages';

describe('cliqApiBase', () => {
  it.each(DATA_CENTRE_IDS)('points data centre %s at its own Cliq host', (dc) => {
    expect(cliqApiBase(dc)).toBe(`https://cliq.${DATA_CENTRES[dc].domain}`);
  });

  it('serves Canada from zohocloud.ca and the United Kingdom from zoho.uk', () => {
    expect(cliqApiBase('ca')).toBe('https://cliq.zohocloud.ca');
    expect(cliqApiBase('uk')).toBe('https://cliq.zoho.uk');
    expect(DATA_CENTRE_IDS).not.toContain('zoho.ca');
  });

  it('prefers an override, without its trailing slash', () => {
    expect(cliqApiBase('com', 'https://cliq.example.eu/')).toBe('https://cliq.example.eu');
    expect(cliqApiBase('com', '  ')).toBe('https://cliq.zoho.com');
  });

  it('allows plain http for the loopback sb() only', () => {
    expect(cliqApiBase('com', 'http://127.0.0.1:4567')).toBe('http://127.0.0.1:4567');
    expect(() => cliqApiBase('com', 'http://cliq.zoho.com')).toThrow(/https/);
    expect(() => cliqApiBase('com', 'cliq.zoho.com')).toThrow(/not a URL/);
  });
});

describe('buildUrl', () => {
  it('puts the API below /api and fills path parameters', () => {
    expect(buildUrl('https://cliq.zoho.eu', '/v3/chats/{CHAT_ID}/pin-messages', { CHAT_ID: 'CT_1_2-C4' }, {})).toBe(
      'https://cliq.zoho.eu/api/v3/chats/CT_1_2-C4/pin-messages',
    );
  });

  it('keeps underscores in message ids and encodes what could break the path', () => {
    const url = buildUrl(
      'http://127.0.0.1:9/',
      '/v2/chats/{CHAT_ID}/messages/{MESSAGE_ID}',
      { CHAT_ID: 'a/b', MESSAGE_ID: '1573708648341_375412769224' },
      undefined,
    );
    expect(url).toBe('http://127.0.0.1:9/api/v2/chats/a%2Fb/messages/1573708648341_375412769224');
  });

  it('writes spaces as %20, keeps commas and @, and drops absent values', () => {
    const url = buildUrl(
      'https://cliq.zoho.com',
      '/v2/buddies/{EMAIL_ID}/message',
      { EMAIL_ID: 'ann@example.com' },
      { title: 'Q2 plan', chat_ids: 'a,b', unpin_all: true, limit: 5, absent: undefined },
    );
    expect(url).toBe(
      'https://cliq.zoho.com/api/v2/buddies/ann@example.com/message?title=Q2%20plan&chat_ids=a,b&unpin_all=true&limit=5',
    );
  });
});

describe('dot ids cannot re-route a request', () => {
  it.each(['.', '..', '%2e', '%2E%2e', '.%2e'])(
    'buildUrl refuses %s as a path segment (it would resolve away)',
    (id) => {
      // encodeSegment turns % into %25, so only real dots reach the parser; both are checked after parsing.
      const raw = id.replace(/%2e/gi, '.');
      expect(() =>
        buildUrl('https://cliq.zoho.com', '/v3/pin-categories/{CATEGORY_ID}', { CATEGORY_ID: raw }, {}),
      ).toThrow(/refused to send: the address became \/api\/v3\/(pin-categories\/)?, which is not/);
    },
  );

  it.each([
    ['deleteFolder', { categoryId: '.', unpinAll: true }],
    ['deleteFolder', { categoryId: '..' }],
    ['deleteFolder', { categoryId: '%2e' }],
    ['unpinMessages', { chatId: '..', messageIds: ['1700000000000_1'] }],
    ['unpinMessages', { chatId: '.', messageIds: ['1700000000000_1'] }],
    ['unpinChat', { chatId: '%2e%2e' }],
    ['pinMessage', { chatId: 'CT_1_1', messageId: '..' }],
  ] as const)('the client refuses %s with %j before any request exists', async (op, params) => {
    const error = await connect()
      .call(op, params as never)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'invalid', operation: op });
    expect(String((error as Error).message)).toMatch(/is not a Cliq|not a Cliq id|characters that no Cliq id has/);
    expect(sb().requests()).toEqual([]);
  });

  it('accepts the id shapes Cliq really uses', async () => {
    const chatIds = [
      'CT_2231796882690347967_654200107-B1',
      'CT_1_2-PC',
      'CT_1_2-T-1720154931280',
      '1488288613043522033',
    ];
    const messageId = '1720154931280_131017031760';
    // Chats under exactly these ids, each with that message pinned, so every unpin is a real success.
    const seed: SeedData = {
      chats: chatIds.map((id) => ({
        id,
        type: 'group_chat',
        title: id,
        messages: [{ id: messageId, senderId: DEFAULT_CURRENT_USER.id, text: 'pinned', time: 1_720_154_931_280 }],
      })),
      pins: chatIds.map((chatId) => ({ chatId, messageId })),
    };
    loadSeed(sb().state, seed);
    const client = connect();
    for (const chatId of chatIds) {
      await client.call('unpinMessages', { chatId, messageIds: [messageId] });
    }
    const sent = sb().requests();
    expect(sent.map((r) => [r.method, r.template, r.status])).toEqual(chatIds.map(() => ['DELETE', PINS, 204]));
    expect(sent.map((r) => r.path.split('/')[4])).toEqual([
      'CT_2231796882690347967_654200107-B1',
      'CT_1_2-PC',
      'CT_1_2-T-1720154931280',
      '1488288613043522033',
    ]);
  });
});

describe('client URLs', () => {
  it('asks apiBase on every call, so a data-centre switch applies at once', async () => {
    // Two Cliqs on two origins: the switch must reach the second one with the very next call.
    const other = await startSandbox({ seed: 'default' });
    try {
      let base = cliqApiBase('com', sb().url);
      const client = connect({ apiBase: async () => base });
      await client.call('listFolders', {});
      base = cliqApiBase('com', other.url);
      await client.call('listFolders', { include: [] });
      const seen = (s: Sandbox) => s.requests().map((r) => ({ method: r.method, path: r.path, query: r.query }));
      expect(seen(sb())).toEqual([
        { method: 'GET', path: '/api/v3/pin-categories', query: { include_fields: 'chats' } },
      ]);
      expect(seen(other)).toEqual([{ method: 'GET', path: '/api/v3/pin-categories', query: {} }]);
    } finally {
      await other.stop();
    }
  });

  it('sends primary=true for the primary pin on the pin list path', async () => {
    const chatId = [...sb().state.pins.keys()].find((id) => (sb().state.pins.get(id)?.entries.length ?? 0) > 0);
    if (!chatId) throw new Error('the default seed has no pinned chat');
    await connect().call('getPrimaryPinnedMessage', { chatId });
    const sent = onlyRequest({
      method: 'GET',
      path: `/api/v3/chats/${chatId}/pin-messages`,
      template: PINS,
      status: 200,
    });
    expect(sent.query).toEqual({ primary: 'true' });
  });
});
