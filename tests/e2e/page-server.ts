import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Serves a static Cliq-like chat page on loopback, for the foundation's content-script check. */
export async function serveCliqFixture(): Promise<{ url: string; close(): Promise<void> }> {
  const html = await readFile(new URL('./fixtures/cliq-chat.html', import.meta.url), 'utf8');
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/company/1/chats/CT_1`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
