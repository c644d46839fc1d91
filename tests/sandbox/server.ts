/**
 * One node:http server, four areas: `/api/*` (the emulated REST API), `/oauth/*` (Zoho Accounts),
 * `/__sandbox/*` (control endpoints and the web app's data) and `/company/*`, `/index.do`, `/channels/*` (the web app).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApiDeps, handleApi } from './api';
import { type ControlTarget, handleControl } from './control';
import { isLoopback, sendJson } from './http';
import { handleOAuth, type OAuthDeps } from './oauth';
import { handlePageData, handleWebApp, type PageSettings } from './page/routes';

export interface ServerDeps {
  api: ApiDeps;
  oauth: OAuthDeps;
  control: ControlTarget;
  page: PageSettings;
}

export function requestHandler(deps: ServerDeps) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    route(req, res, deps).catch((error: unknown) => {
      // A bug in the sandbox should fail the test loudly, not hang the client.
      console.error('[cliq-sandbox]', error);
      if (!res.headersSent) sendJson(res, 500, { message: String(error) }, deps.api.clock.now());
      else res.destroy();
    });
  };
}

async function route(req: IncomingMessage, res: ServerResponse, deps: ServerDeps): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname;
  if (path.startsWith('/api/')) return handleApi(req, res, deps.api, url);
  if (path.startsWith('/oauth/')) return handleOAuth(req, res, url, deps.oauth);
  if (path.startsWith('/__sandbox/')) {
    if (!isLoopback(req))
      return sendJson(res, 403, { error: 'control endpoints answer loopback callers only' }, Date.now());
    if (path.startsWith('/__sandbox/page/')) return handlePageData(req, res, url, deps.api.state);
    return handleControl(req, res, url, deps.control);
  }
  if (path.startsWith('/company/') || path === '/index.do' || path.startsWith('/channels/'))
    return handleWebApp(res, url, deps.api.state, deps.page);
  sendJson(
    res,
    404,
    { message: 'Not a sandbox URL: try /api/v3/…, /oauth/v2/auth, /__sandbox/info or /company/…' },
    Date.now(),
  );
}
