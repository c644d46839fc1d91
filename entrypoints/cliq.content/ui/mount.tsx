import { Component, type ComponentChild, type ComponentType, render } from 'preact';
import type { UiScope } from './shadow';

/** Render errors stop at the UI they happen in (shadow.ts says how): Preact's share of that. */
class Contained extends Component<{ scope: UiScope; children: ComponentChild }, { failed?: boolean }> {
  override componentDidCatch(error: unknown): void {
    this.setState({ failed: true });
    // After this render: failing unmounts the UI's Preact parts, this one among them.
    queueMicrotask(() => this.props.scope.fail(error));
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

const mounted = new WeakSet<Element>();

/**
 * Renders `Component` with `props` into `into`, part of a UI built by the content script (or nothing, without
 * them); unmounted when that UI is removed or has failed.
 */
export function mount<P extends object>(scope: UiScope, into: Element, Component?: ComponentType<P>, props?: P): void {
  if (scope.signal.aborted) return;
  if (!mounted.has(into)) {
    mounted.add(into);
    scope.signal.addEventListener('abort', () => render(null, into), { once: true });
  }
  render(Component && props ? <Contained scope={scope}>{<Component {...props} />}</Contained> : null, into);
}
