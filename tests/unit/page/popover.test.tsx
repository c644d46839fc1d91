// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, it, vi } from 'vitest';
import { Popover } from '../../../entrypoints/cliq.content/ui/Popover';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

it('a press inside it keeps it open in a closed shadow root (as production has them); one outside closes it', async () => {
  const host = document.body.appendChild(document.createElement('div'));
  const root = host.attachShadow({ mode: 'closed' });
  const toggle = root.appendChild(document.createElement('button'));
  const into = root.appendChild(document.createElement('div'));
  // As browsers do (happy-dom does not): a listener outside a closed shadow root sees the press at its host only.
  const composedPath = Event.prototype.composedPath;
  vi.spyOn(Event.prototype, 'composedPath').mockImplementation(function (this: Event) {
    const path = composedPath.call(this);
    return this.currentTarget === document && path.includes(host) ? path.slice(path.indexOf(host)) : path;
  });
  const onClose = vi.fn();
  await act(() =>
    render(
      <Popover
        anchor={() => toggle.getBoundingClientRect()}
        onClose={onClose}
        label="Menu"
        testId="menu"
        inside={() => [toggle]}
      >
        <button type="button">Row</button>
      </Popover>,
      into,
    ),
  );
  const press = (target: Element) =>
    target.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));

  press(into.querySelector('[data-testid=menu] button') as Element);
  press(toggle);
  expect(onClose).not.toHaveBeenCalled();
  press(document.body);
  expect(onClose).toHaveBeenCalledTimes(1);
  // Elsewhere in the same UI is outside the panel too.
  press(root.appendChild(document.createElement('p')));
  expect(onClose).toHaveBeenCalledTimes(2);
});
