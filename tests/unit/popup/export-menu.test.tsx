// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { ExportMenu } from '../../../components/popup/PinFilters';
import { useRoot } from './fixture';

const root = useRoot();

function openMenu(onExport = vi.fn()) {
  act(() => render(<ExportMenu onExport={onExport} disabled={false} />, root()));
  const menu = root().querySelector('details') as HTMLDetailsElement;
  const summary = menu.querySelector('summary') as HTMLElement;
  act(() => {
    menu.open = true;
  });
  return { menu, summary, onExport };
}

describe('the Export menu', () => {
  it('closes once a format is chosen, with focus back on Export', () => {
    const { menu, summary, onExport } = openMenu();
    act(() => (root().querySelector('[data-testid=export-json]') as HTMLButtonElement).click());
    expect(onExport).toHaveBeenCalledWith('json');
    expect(menu.open).toBe(false);
    expect(document.activeElement).toBe(summary);
  });

  it('closes on Escape, with focus back on Export', () => {
    const { menu, summary } = openMenu();
    const item = root().querySelector('[data-testid=export-md]') as HTMLButtonElement;
    item.focus();
    act(() => {
      item.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(menu.open).toBe(false);
    expect(document.activeElement).toBe(summary);
  });

  it('closes when focus leaves it (a click elsewhere), not when it moves inside', () => {
    const { menu } = openMenu();
    const [md, json] = [...root().querySelectorAll('button')];
    act(() => {
      md?.dispatchEvent(new FocusEvent('focusout', { bubbles: true, relatedTarget: json ?? null }));
    });
    expect(menu.open).toBe(true);
    act(() => {
      json?.dispatchEvent(new FocusEvent('focusout', { bubbles: true, relatedTarget: null }));
    });
    expect(menu.open).toBe(false);
  });
});
