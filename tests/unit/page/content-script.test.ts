// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import contentScript from '../../../entrypoints/cliq.content/index';

describe('the content script', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('neither listens to nor posts window messages: the page cannot drive it that way', async () => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
      'https://cliq.zoho.com/company/1/chats/CT_1',
    );
    document.body.innerHTML = readFileSync('tests/unit/page/fixtures/cliq-evidence.html', 'utf8');
    const listened = vi.spyOn(EventTarget.prototype, 'addEventListener');
    const posted = vi.spyOn(window, 'postMessage');
    const ctx = new ContentScriptContext('cliq', contentScript);
    await contentScript.main(ctx);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(listened.mock.calls.filter(([type]) => type === 'message')).toEqual([]);
    expect(posted).not.toHaveBeenCalled();
    ctx.abort();
  });
});
