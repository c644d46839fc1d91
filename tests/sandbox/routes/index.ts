/** Every `/api` route the sandbox serves, one module per documented area. */
import type { Route } from '../router';
import { chatV2Routes } from './chats-v2';
import { chatV3Routes } from './chats-v3';
import { folderRoutes } from './folders';
import { messageV2Routes } from './messages-v2';
import { pinMessageRoutes } from './pin-messages';
import { postMessageRoutes } from './post-message';

export const ROUTES: readonly Route[] = [
  ...pinMessageRoutes,
  ...folderRoutes,
  ...chatV2Routes,
  ...messageV2Routes,
  ...postMessageRoutes,
  ...chatV3Routes,
];
