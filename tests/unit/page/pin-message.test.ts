// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import contentScript from '../../../entrypoints/cliq.content/index';

describe('pin controls when the chat’s pins cannot be read', () => {
  it('claim neither pinned nor unpinned', async () => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
      'https://cliq.zoho.com/company/1/chats/CT_2231796882690347967_654200107-B1',
    );
    document.body.innerHTML = readFileSync('tests/unit/page/fixtures/cliq-evidence.html', 'utf8');
    // No background answers here, so reading the chat's pins fails.
    const ctx = new ContentScriptContext('cliq', contentScript);
    await contentScript.main(ctx);
    const controls = () => [...document.querySelectorAll('[data-cliq-pins=pin-control]')];
    await vi.waitFor(() => {
      expect(controls().length).toBeGreaterThan(0);
      for (const control of controls()) {
        expect(control.hasAttribute('aria-pressed')).toBe(false);
        expect(control.getAttribute('title')).toBe('Pin or unpin (could not check whether it is pinned)');
      }
    });
    ctx.abort();
  });
});
