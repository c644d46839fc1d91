// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import contentScript from '../../../entrypoints/cliq.content/index';

describe('the pin control when the chat’s pins cannot be read', () => {
  it('claims neither pinned nor unpinned, and no message wears a pinned marker', async () => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
      'https://cliq.zoho.com/company/1/chats/CT_2231796882690347967_654200107-B1',
    );
    document.body.innerHTML = readFileSync('tests/unit/page/fixtures/cliq-evidence.html', 'utf8');
    // No background answers here, so reading the chat's pins fails.
    const ctx = new ContentScriptContext('cliq', contentScript);
    await contentScript.main(ctx);
    const controls = () => [...document.querySelectorAll('[data-cliq-pins=pin-control]')];
    await vi.waitFor(() => {
      expect(controls()).toHaveLength(1);
      expect(controls()[0]?.getAttribute('title')).toBe('Pin or unpin (could not check whether it is pinned)');
      expect(controls()[0]?.getAttribute('aria-label')).toBe(
        'Pin or unpin (could not check whether it is pinned): done, all green',
      );
    });
    expect(document.querySelector('[data-cliq-pins=pin-marker]')).toBeNull();
    ctx.abort();
  });
});
