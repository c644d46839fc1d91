import { defineContentScript } from 'wxt/utils/define-content-script';
import { CLIQ_HOST_PATTERNS } from '../../lib/cliq/datacentres';
import { type PageFeature, runFeatures } from '../../lib/page/features';
import { chatListFolders } from './features/chat-list-folders';
import { contextMenu } from './features/context-menu';
import { folderMenu } from './features/folder-menu';
import { pageCheck } from './features/page-check';
import { pinMessage } from './features/pin-message';
import { pinShortcut } from './features/pin-shortcut';
import { pinnedBar } from './features/pinned-bar';

const FEATURES: readonly PageFeature[] = [
  pinnedBar,
  folderMenu,
  pinMessage,
  pinShortcut,
  chatListFolders,
  contextMenu,
  pageCheck,
];

/** Cliq renders after its own data arrives; a page part still missing after this long is reported. */
const GRACE_MS = 5_000;

export default defineContentScript({
  matches: CLIQ_HOST_PATTERNS,
  // Styles are inlined into each shadow root: nothing is fetched, nothing is exposed to the page.
  cssInjectionMode: 'manual',
  // The page gets nothing on its window-message channel from us, and we never listen on it.
  noScriptStartedPostMessage: true,
  main(ctx) {
    runFeatures(ctx, FEATURES, { schedule: (work) => ctx.requestAnimationFrame(work), graceMs: GRACE_MS });
  },
});
