// The sandbox's Cliq-like web app: a fixture for content scripts, not product code. It renders every
// string with textContent (never innerHTML), navigates between chats with history.pushState, and
// listens for live messages over server-sent events. Class names come from one table per markup
// version, so the v2 markup can exercise the extension's "fail quietly" path.

const MARKUP = {
  v1: {
    sidebar: ['nav', 'chat-list'],
    item: ['a', 'chat-item', 'data-chat-id', 'is-active'],
    itemTitle: ['span', 'chat-title'],
    header: ['header', 'chat-header', 'data-chat-id'],
    headerTitle: ['h1', 'chat-title'],
    headerActions: ['div', 'chat-header-actions'],
    list: ['div', 'message-list', 'log'],
    message: ['div', 'message', 'data-message-id', 'data-sender-id'],
    sender: ['span', 'message-sender'],
    time: ['time', 'message-time'],
    text: ['div', 'message-text'],
    actions: ['div', 'message-actions', 'message-action'],
  },
  v2: {
    sidebar: ['aside', 'zc-sidebar'],
    item: ['a', 'zc-conv', 'data-conv-id', 'zc-active'],
    itemTitle: ['span', 'zc-conv-name'],
    header: ['div', 'zc-topbar', 'data-conv-id'],
    headerTitle: ['div', 'zc-topbar-title'],
    headerActions: ['div', 'zc-topbar-tools'],
    list: ['section', 'zc-stream', 'feed'],
    message: ['article', 'zc-bubble', 'data-msg-uid', 'data-author'],
    sender: ['b', 'zc-author'],
    time: ['span', 'zc-when'],
    text: ['p', 'zc-body'],
    actions: ['nav', 'zc-tools', 'zc-tool'],
  },
};

const HEADER_ACTIONS = [
  ['search', 'Search in chat', '🔍'],
  ['members', 'Members', '👥'],
  ['pinned', 'Pinned messages', '📌'],
];
const MESSAGE_ACTIONS = [
  ['reply', 'Reply', '↩'],
  ['react', 'React', '🙂'],
  ['more', 'More actions', '⋯'],
];

const body = document.body;
const orgId = body.dataset.orgId;
const version = new URLSearchParams(location.search).get('markup') === 'v2' ? 'v2' : body.dataset.markup;
const hooks = MARKUP[version] ?? MARKUP.v1;
let currentChatId = null;
let loadToken = 0;

function el(spec, text) {
  const node = document.createElement(spec[0]);
  node.className = spec[1];
  if (text !== undefined) node.textContent = text;
  return node;
}

function chatIdFromPath() {
  const match = /\/chats\/([^/?#]+)/.exec(location.pathname);
  return match ? decodeURIComponent(match[1]) : null;
}

function chatHref(id) {
  return `/company/${encodeURIComponent(orgId)}/chats/${encodeURIComponent(id)}${location.search}`;
}

function actionButtons(spec, actions) {
  const box = el(spec);
  for (const [action, label, glyph] of actions) {
    const button = document.createElement('button');
    button.type = 'button';
    if (spec[2]) button.className = spec[2];
    button.dataset.action = action;
    button.setAttribute('aria-label', label);
    button.title = label;
    button.textContent = glyph;
    box.append(button);
  }
  return box;
}

// One formatter for all messages: toLocaleTimeString builds a new one per call, too slow for 5,000 rows.
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

function renderMessage(message) {
  const node = el(hooks.message);
  node.setAttribute(hooks.message[2], message.id);
  node.setAttribute(hooks.message[3], message.senderId);
  const time = el(hooks.time, timeFormat.format(message.time));
  if (hooks.time[0] === 'time') time.dateTime = new Date(message.time).toISOString();
  else time.title = new Date(message.time).toISOString();
  node.append(
    el(hooks.sender, message.senderName),
    time,
    el(hooks.text, message.text),
    actionButtons(hooks.actions, MESSAGE_ACTIONS),
  );
  return node;
}

function renderSidebar(chats) {
  const sidebar = el(hooks.sidebar);
  sidebar.id = hooks.sidebar[1];
  sidebar.setAttribute('aria-label', 'Chats');
  for (const chat of chats) {
    const item = el(hooks.item);
    item.setAttribute(hooks.item[2], chat.id);
    item.href = chatHref(chat.id);
    item.append(el(hooks.itemTitle, chat.title));
    item.addEventListener('click', (event) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      event.preventDefault();
      if (chat.id === currentChatId) return;
      history.pushState({ chatId: chat.id }, '', item.href);
      void openChat(chat.id);
    });
    sidebar.append(item);
  }
  return sidebar;
}

function renderMain(data) {
  const main = document.createElement('main');
  const header = el(hooks.header);
  header.setAttribute(hooks.header[2], data.chat.id);
  header.append(el(hooks.headerTitle, data.chat.title), actionButtons(hooks.headerActions, HEADER_ACTIONS));
  const list = el(hooks.list);
  list.setAttribute('role', hooks.list[2]);
  list.setAttribute('aria-live', 'polite');
  const fragment = document.createDocumentFragment();
  for (const message of data.messages) fragment.append(renderMessage(message));
  list.append(fragment);
  main.append(header, list);
  return main;
}

async function fetchChat(chatId) {
  const response = await fetch(`/__sandbox/page/chats/${encodeURIComponent(chatId)}`);
  if (!response.ok) throw new Error(`page data ${response.status}`);
  return response.json();
}

async function openChat(chatId) {
  const token = ++loadToken;
  const data = await fetchChat(chatId);
  if (token !== loadToken) return;
  currentChatId = chatId;
  const app = document.getElementById('app');
  if (!app.firstChild) app.append(renderSidebar(data.chats));
  app.querySelector('main')?.remove();
  app.append(renderMain(data));
  for (const item of app.querySelectorAll(`[${hooks.item[2]}]`)) {
    const active = item.getAttribute(hooks.item[2]) === chatId;
    item.classList.toggle(hooks.item[3], active);
    if (active) item.setAttribute('aria-current', 'page');
    else item.removeAttribute('aria-current');
  }
  document.title = `${data.chat.title} - Cliq`;
  const list = app.querySelector(`.${hooks.list[1]}`);
  list.scrollTop = list.scrollHeight;
  body.dataset.renderedChatId = chatId;
}

function messageNode(id) {
  return document.querySelector(`[${hooks.message[2]}="${CSS.escape(id)}"]`);
}

function onLiveEvent(event) {
  const change = JSON.parse(event.data);
  if (change.chatId !== currentChatId) return;
  const list = document.querySelector(`.${hooks.list[1]}`);
  if (!list) return;
  const existing = messageNode(change.message.id);
  if (change.kind === 'added' && !existing) {
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    list.append(renderMessage(change.message));
    if (atBottom) list.scrollTop = list.scrollHeight;
  } else if (change.kind === 'edited' && existing) {
    existing.querySelector(`.${hooks.text[1]}`).textContent = change.message.text;
  } else if (change.kind === 'deleted' && existing) {
    existing.remove();
  }
}

window.addEventListener('popstate', () => {
  const chatId = chatIdFromPath();
  if (chatId && chatId !== currentChatId) void openChat(chatId);
});

// Environments without EventSource (DOM emulators) still get a working page, just not live updates.
if ('EventSource' in window) new EventSource('/__sandbox/page/events').addEventListener('message', onLiveEvent);
void openChat(chatIdFromPath());
