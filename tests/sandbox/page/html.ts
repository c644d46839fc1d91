/** The web app's HTML shell: an empty mount point; app.js adds its styles, fetches the data and renders. */
import { escapeHtml } from '../http';

/** `cliq`: the evidence of Cliq's real markup; `scrambled`: the same with every name the fallback needs not renamed. */
export type Markup = 'cliq' | 'scrambled';
export const MARKUPS: readonly Markup[] = ['cliq', 'scrambled'];

export function shellHtml(orgId: string, markup: Markup): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Cliq</title>
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
