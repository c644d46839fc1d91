// The sandbox's Cliq-like web app: a fixture for content scripts, not product code. It renders every string
// with textContent (never innerHTML), navigates between chats with history.pushState, and listens for live
// messages over server-sent events.
//
// Markup `cliq` (the default) follows public evidence of the live Cliq web app as closely as it can (the
// sandbox README says which parts are evidence and which invented). Markup `scrambled` is the same page with
// every class name random, the message attributes renamed and the invented parts' `purpose` values changed:
// only what the extension's fallback relies on (id-shaped values, `purpose=chatview|date|viewreplied`) stays.

const body = document.body;
const orgId = body.dataset.orgId;
const markup = new URLSearchParams(location.search).get('markup') === 'scrambled' ? 'scrambled' : body.dataset.markup;
const scrambled = markup === 'scrambled';

const renamed = new Map();
const random = () => `k${Math.random().toString(36).slice(2, 8)}`;
function rename(name) {
  if (!scrambled) return name;
  if (!renamed.has(name)) renamed.set(name, random());
  return renamed.get(name);
}
/** Class names, the message attributes and invented `purpose` values: what the scrambled markup changes. */
const c = (names) => names.split(' ').map(rename).join(' ');
const A = { msgCont: rename('msg-cont'), msguid: rename('msguid') };
const P = (purpose) => rename(purpose);

function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (name === 'class') node.className = c(value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

const STYLES = `
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.4 system-ui, sans-serif; color: #1f2933; background: #f5f7fa; }
  #app { display: grid; grid-template-columns: 250px 1fr; height: 100vh; }
  #app > * { min-height: 0; }
  .${c('chatlist')} { overflow-y: auto; background: #1b2a41; padding: 8px 0; }
  .${c('chatitem')} { display: block; padding: 8px 16px; color: #d9e2ec; cursor: pointer; }
  .${c('chatitem')}:hover, .${c('chatitem')}:focus-visible { background: #2b3d57; outline: none; }
  .${c('sel')} { background: #334e68; color: #fff; }
  .${c('currentchat')} { display: flex; flex-direction: column; min-width: 0; background: #fff; }
  .${c('chathdr')} { display: flex; align-items: center; gap: 12px; padding: 10px 16px; border-bottom: 1px solid #d9e2ec; }
  .${c('chattitle')} { flex: 1; font-size: 17px; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .${c('hdractions')} { display: flex; gap: 4px; }
  .${c('msglist')} { flex: 1; overflow-y: auto; padding: 8px 16px; }
  .${c('zcmsg_dvdrmn')} { display: flex; justify-content: center; margin: 12px 0 4px; }
  .${c('zcmsg_dvdr')} { font-size: 12px; color: #52606d; background: #e4e7eb; padding: 2px 10px; border-radius: 10px; }
  .${c('zcmsg')} { position: relative; padding: 2px 8px 2px 52px; border-radius: 6px; min-height: 24px; }
  .${c('zcmsg')}:hover { background: #f0f4f8; }
  .${c('sender')} { display: flex; align-items: center; gap: 8px; margin: 8px 0 0 -44px; }
  .${c('zcuserimg')} { width: 34px; height: 34px; border-radius: 50%; }
  .${c('zctxtseln')} { font-weight: 600; }
  .${c('msgtime')} { color: #7b8794; font-size: 11px; position: absolute; left: 8px; top: 4px; }
  .${c('sender')} .${c('msgtime')} { position: static; }
  .${c('zcmsgcnt')} { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; font: inherit; }
  .${c('quotedmsgdiv')} { margin: 4px 0; padding: 4px 10px; border-left: 3px solid #9fb3c8; background: #f5f7fa; color: #52606d; }
  .${c('quotedmsgdiv')} .${c('zcmsgcnt')} { font-size: 13px; }
  .${c('msgactions')} { position: absolute; top: -10px; right: 40px; display: none; gap: 2px; background: #fff;
    border: 1px solid #d9e2ec; border-radius: 6px; padding: 1px; }
  .${c('zcmsg')}:hover .${c('msgactions')} { display: flex; }
  .${c('zccomposer')} { display: flex; gap: 8px; padding: 10px 16px; border-top: 1px solid #d9e2ec; }
  .${c('ProseMirror')} { flex: 1; min-height: 36px; padding: 8px 10px; border: 1px solid #bcccdc; border-radius: 6px; }
  button { cursor: pointer; border: 1px solid #bcccdc; background: #fff; color: inherit; border-radius: 4px; padding: 2px 6px; }
  .${c('msgactions')} button { border: 0; }
  body.${c('zcdark')}, .${c('zcdark')} .${c('currentchat')}, .${c('zcdark')} .${c('msgactions')}, .${c('zcdark')} button {
    background: #16191d; color: #e4e7eb; }
  .${c('zcdark')} .${c('zcmsg')}:hover { background: #222831; }
  .${c('zcdark')} .${c('chathdr')}, .${c('zcdark')} .${c('zccomposer')} { border-color: #323f4b; }
  .${c('zcdark')} .${c('zcmsg_dvdr')}, .${c('zcdark')} .${c('quotedmsgdiv')} { background: #27303b; color: #cbd2d9; }
  @media (max-width: 600px) {
    #app { grid-template-columns: 1fr; }
    .${c('chatlist')} { display: none; }
  }
`;

let currentChatId = null;
let currentChat = null;
let me = null;
let loadToken = 0;

function chatIdFromPath() {
  const match = /\/chats\/([^/?#]+)/.exec(location.pathname);
  return match ? decodeURIComponent(match[1]) : null;
}

/** `/index.do` (the entry page) and `/channels/<name>` name no chat id; the address then stays as it is. */
const addressNamesChat = () => location.pathname.startsWith('/company/');

function firstChatData() {
  const channel = /^\/channels\/([^/?#]+)$/.exec(location.pathname);
  if (channel) return `channels/${channel[1]}`;
  return addressNamesChat() ? `chats/${encodeURIComponent(chatIdFromPath())}` : 'recent';
}

function chatHref(id) {
  return `/company/${encodeURIComponent(orgId)}/chats/${encodeURIComponent(id)}${location.search}`;
}

/** Cliq writes message ids with `%20` in `msguid`. */
const msguid = (id) => id.replace('_', '%20');

// One formatter for all messages: toLocaleTimeString builds a new one per call, too slow for 5,000 rows.
const timeFormat = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const dayFormat = new Intl.DateTimeFormat('en', { weekday: 'long', day: 'numeric', month: 'long' });
const dayOf = (time) => new Date(time).toDateString();

function avatar(uid) {
  let hue = 0;
  for (const ch of uid) hue = (hue * 31 + ch.charCodeAt(0)) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="34" height="34"><circle cx="17" cy="17" r="17" fill="hsl(${hue},45%,55%)"/></svg>`;
  return h('img', {
    elemtype: 'user',
    uid,
    alt: '',
    class: 'zcuserimg',
    src: `data:image/svg+xml,${encodeURIComponent(svg)}`,
  });
}

function divider(message) {
  return h(
    'div',
    { [A.msguid]: msguid(message.id), purpose: 'date', class: 'zcmsg_dvdrmn' },
    h('span', { class: 'zcmsg_dvdr' }, dayFormat.format(message.time)),
  );
}

function quote(reply) {
  return h(
    'blockquote',
    { class: 'quotedmsgdiv', purpose: 'viewreplied', msgtime: msguid(reply.id), 'data-chatid': currentChatId },
    h('span', { class: 'zctxtseln', elemtype: 'user', uid: reply.senderId }, reply.senderName),
    h('p', { class: 'zcmsgcnt' }, reply.text),
  );
}

const MESSAGE_ACTIONS = [
  ['reply', 'Reply', '↩'],
  ['reaction', 'React', '🙂'],
  ['more', 'More actions', '⋮'],
];

/** `first`: the first message of a run by one sender, the only one that shows who sent it. */
function renderMessage(message, first) {
  const mine = message.senderId === me?.id;
  const time = h(
    'span',
    { purpose: P('msgtime'), class: 'msgtime', title: new Date(message.time).toISOString() },
    timeFormat.format(message.time),
  );
  const actions = h('div', { purpose: P('msgactions'), class: 'msgactions' });
  for (const [purpose, label, glyph] of MESSAGE_ACTIONS)
    actions.append(h('button', { type: 'button', purpose: P(purpose), 'aria-label': label, title: label }, glyph));
  return h(
    'div',
    {
      [A.msgCont]: true,
      chid: currentChatId,
      [A.msguid]: msguid(message.id),
      mymsg: mine ? 'true' : undefined,
      class: mine ? 'zcmsg mymsg' : 'zcmsg',
    },
    first
      ? h(
          'div',
          { class: 'sender' },
          avatar(message.senderId),
          h('span', { class: 'zctxtseln', elemtype: 'user', uid: message.senderId }, message.senderName),
          time,
        )
      : time,
    message.replyTo ? quote(message.replyTo) : null,
    h(
      'p',
      { id: 'posted-message-container', class: 'zcmsgcnt textL', dir: 'auto', postedchatid: currentChatId },
      message.text,
    ),
    actions,
  );
}

/** Messages with their date dividers; `previous` is the message already shown above them. */
function renderMessages(messages, previous) {
  const fragment = document.createDocumentFragment();
  let before = previous;
  for (const message of messages) {
    const newDay = !before || dayOf(before.time) !== dayOf(message.time);
    if (newDay) fragment.append(divider(message));
    fragment.append(renderMessage(message, newDay || before.senderId !== message.senderId));
    before = message;
  }
  return fragment;
}

function renderSidebar(chats) {
  const list = h('div', { purpose: P('chatlist'), class: 'chatlist' });
  for (const chat of chats) {
    const item = h(
      'div',
      { chid: chat.id, purpose: P('chatitem'), class: 'chatitem', tabindex: '0', role: 'link' },
      h('span', { purpose: P('chatname'), class: 'chatname' }, chat.title),
    );
    const open = () => {
      if (chat.id === currentChatId) return;
      if (addressNamesChat()) history.pushState({ chatId: chat.id }, '', chatHref(chat.id));
      void openChat(`chats/${encodeURIComponent(chat.id)}`);
    };
    item.addEventListener('click', open);
    item.addEventListener('keydown', (event) => event.key === 'Enter' && open());
    list.append(item);
  }
  return list;
}

const HEADER_ACTIONS = [
  ['call', 'Call', '📞'],
  ['search', 'Search in chat', '🔍'],
  ['members', 'Members', '👥'],
];

function renderChat(data) {
  const actions = h('div', { purpose: P('hdractions'), class: 'hdractions' });
  for (const [purpose, label, glyph] of HEADER_ACTIONS) {
    const id = purpose === 'call' ? `onetoonecall_call_${data.chat.id}` : undefined;
    actions.append(h('button', { type: 'button', id, purpose: P(purpose), 'aria-label': label, title: label }, glyph));
  }
  const header = h(
    'div',
    { purpose: P('chatheader'), chid: data.chat.id, class: 'chathdr' },
    h('span', { purpose: P('chattitle'), class: 'chattitle' }, data.chat.title),
    actions,
  );
  const list = h('div', { purpose: P('msglist'), class: 'msglist', role: 'log', 'aria-live': 'polite' });
  list.append(renderMessages(data.messages, null));
  const editor = h('div', {
    'composer-component-editor': true,
    contenteditable: 'true',
    class: 'ProseMirror',
    role: 'textbox',
    'aria-label': 'Message',
  });
  const send = h('button', { type: 'button', 'aria-label': 'Send message' }, '➤');
  send.addEventListener('click', () => void post(editor));
  editor.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void post(editor);
    }
  });
  const composer = h('div', { 'composer-main-container': true, class: 'zccomposer' }, editor, send);
  return h('section', { class: 'currentchat', purpose: 'chatview', id: data.chat.id }, header, list, composer);
}

async function post(editor) {
  const text = editor.textContent.trim();
  if (!text || !currentChatId) return;
  editor.textContent = '';
  await fetch(`/__sandbox/chats/${encodeURIComponent(currentChatId)}/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text, senderId: me.id }),
  });
}

/** `which`: `chats/<id>`, `channels/<unique name>` or `recent`. */
async function fetchChat(which) {
  const response = await fetch(`/__sandbox/page/${which}`);
  if (!response.ok) throw new Error(`page data ${response.status}`);
  return response.json();
}

const messageList = () => document.querySelector(`[purpose="${P('msglist')}"]`);

async function openChat(which) {
  const token = ++loadToken;
  const data = await fetchChat(which);
  if (token !== loadToken) return;
  const chatId = data.chat.id;
  currentChatId = chatId;
  currentChat = data;
  me = data.me;
  const app = document.getElementById('app');
  if (!app.firstChild) app.append(renderSidebar(data.chats));
  app.querySelector('section[purpose=chatview]')?.remove();
  app.append(renderChat(data));
  for (const item of app.querySelectorAll(`[purpose="${P('chatitem')}"]`)) {
    const active = item.getAttribute('chid') === chatId;
    item.classList.toggle(c('sel'), active);
    if (active) item.setAttribute('aria-current', 'page');
    else item.removeAttribute('aria-current');
  }
  document.title = `${data.chat.title} - Cliq`;
  const list = messageList();
  list.scrollTop = list.scrollHeight;
  body.dataset.renderedChatId = chatId;
}

function messageNode(id) {
  return document.querySelector(`[${A.msgCont}][${A.msguid}="${CSS.escape(msguid(id))}"]`);
}

function onLiveEvent(event) {
  const change = JSON.parse(event.data);
  if (change.chatId !== currentChatId) return;
  const list = messageList();
  if (!list) return;
  const existing = messageNode(change.message.id);
  if (change.kind === 'added' && !existing) {
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    list.append(renderMessages([change.message], currentChat.messages.at(-1) ?? null));
    currentChat.messages.push(change.message);
    if (atBottom) list.scrollTop = list.scrollHeight;
  } else if (change.kind === 'edited' && existing) {
    existing.querySelector(`:scope > .${c('zcmsgcnt')}`).textContent = change.message.text;
  } else if (change.kind === 'deleted' && existing) {
    existing.remove();
  }
}

window.addEventListener('popstate', () => {
  const chatId = chatIdFromPath();
  if (chatId && chatId !== currentChatId) void openChat(`chats/${encodeURIComponent(chatId)}`);
});

document.head.append(h('style', {}, STYLES));
// Cliq has its own light and dark themes, chosen in its settings whatever the system's scheme. `?theme=light|dark`
// picks one here (default: the system's); tests switch it live by toggling the class, as Cliq's setting would.
const theme = new URLSearchParams(location.search).get('theme');
body.classList.toggle(c('zcdark'), theme ? theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches);
body.dataset.markup = markup;
// Environments without EventSource (DOM emulators) still get a working page, just not live updates.
if ('EventSource' in window) new EventSource('/__sandbox/page/events').addEventListener('message', onLiveEvent);
void openChat(firstChatData());
