/** The web app's HTML shell: styles and an empty mount point; app.js fetches the data and renders. */
import { escapeHtml } from '../http';

export type Markup = 'v1' | 'v2';

const STYLES = `
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.4 system-ui, sans-serif; color: #1f2933; background: #f5f7fa; }
  #app { display: grid; grid-template-columns: 260px 1fr; height: 100vh; }
  #chat-list, #zc-sidebar { overflow-y: auto; background: #1b2a41; padding: 8px 0; }
  .chat-item, .zc-conv { display: block; padding: 8px 16px; color: #d9e2ec; text-decoration: none; }
  .chat-item.is-active, .zc-conv.zc-active { background: #334e68; color: #fff; }
  main { display: flex; flex-direction: column; min-width: 0; }
  .chat-header, .zc-topbar { display: flex; align-items: center; justify-content: space-between; padding: 10px 16px;
    background: #fff; border-bottom: 1px solid #d9e2ec; }
  .chat-header h1, .zc-topbar-title { margin: 0; font-size: 18px; }
  .message-list, .zc-stream { flex: 1; overflow-y: auto; padding: 8px 16px; }
  .message, .zc-bubble { position: relative; padding: 6px 8px; border-radius: 6px; }
  .message:hover, .zc-bubble:hover { background: #e4ecf5; }
  .message-sender, .zc-author { font-weight: 600; margin-right: 8px; }
  .message-time, .zc-when { color: #7b8794; font-size: 12px; }
  .message-text, .zc-body { white-space: pre-wrap; overflow-wrap: anywhere; margin: 2px 0 0; }
  .message-actions, .zc-tools { position: absolute; top: 4px; right: 8px; display: none; gap: 4px; }
  .message:hover .message-actions, .zc-bubble:hover .zc-tools { display: flex; }
  button { cursor: pointer; border: 1px solid #bcccdc; background: #fff; border-radius: 4px; padding: 2px 6px; }
`;

export function shellHtml(orgId: string, markup: Markup): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Cliq</title>
<style>${STYLES}</style>
</head>
<body data-org-id="${escapeHtml(orgId)}" data-markup="${markup}">
<div id="app"></div>
<script type="module" src="/__sandbox/page/app.js"></script>
</body>
</html>`;
}

export function notFoundHtml(what: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head><body><h1>Not found</h1><p>${escapeHtml(what)}</p></body></html>`;
}
