import { OWN_NODE_ATTRIBUTE } from './selectors';

/** Runs `work` once, at the next animation frame (tests pass a scheduler they step by hand). */
export type Schedule = (work: () => void) => void;

/**
 * Collects items and hands them to `handle` at the next frame, in one call, or, with `sliceMs`, in chunks until
 * that much time has gone, the rest at the next frame: thousands of messages never make one long task however
 * slow the machine. Nothing is scheduled while nothing arrives.
 */
export function frameBatcher<T>(options: {
  schedule: Schedule;
  signal: AbortSignal;
  handle: (items: T[]) => void;
  sliceMs?: number;
  /** Items per call within a slice (the time is checked between calls). */
  chunk?: number;
  now?: () => number;
}): { add(items: Iterable<T>): void } {
  const { schedule, signal, handle, sliceMs = Number.POSITIVE_INFINITY, now = () => performance.now() } = options;
  const chunk = options.chunk ?? (sliceMs === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : 50);
  const pending = new Set<T>();
  let armed = false;

  const arm = () => {
    if (armed || pending.size === 0 || signal.aborted) return;
    armed = true;
    schedule(flush);
  };
  const take = () => {
    const batch: T[] = [];
    for (const item of pending) {
      if (batch.length >= chunk) break;
      batch.push(item);
      pending.delete(item);
    }
    return batch;
  };
  function flush() {
    const started = now();
    try {
      while (pending.size > 0 && !signal.aborted) {
        handle(take());
        if (now() - started >= sliceMs) break;
      }
    } finally {
      // Items a handler added are taken in this loop or the next frame's: never a frame of their own.
      armed = false;
      // A handler that throws loses its own chunk, never the rest.
      arm();
    }
  }
  signal.addEventListener('abort', () => pending.clear(), { once: true });
  return {
    add(items) {
      if (signal.aborted) return;
      for (const item of items) pending.add(item);
      arm();
    },
  };
}

const isOwn = (node: Element) => node.hasAttribute(OWN_NODE_ATTRIBUTE) || node.localName.startsWith('cliq-pins-');

/**
 * One MutationObserver on `root`: elements matching `selector` reach `onAdded` in per-frame batches (time-sliced with
 * `sliceMs`), those already there first when `includeExisting`. Our own nodes are skipped.
 *
 * Neither the observer's callback nor the first pass queries a subtree in one go (thousands of freshly rendered
 * messages would hold the page for one long call): an added element that does not match queues its children, so
 * the walk down to the outermost matching elements is itself cut into the batches' time slices. What a matching
 * element holds is not looked into (a message's quoted replies are not messages).
 */
export function observeAdded(
  root: Element,
  selector: string,
  options: {
    schedule: Schedule;
    signal: AbortSignal;
    onAdded: (elements: Element[]) => void;
    includeExisting?: boolean;
    sliceMs?: number;
  },
): void {
  const { signal } = options;
  if (signal.aborted) return;
  const batcher = frameBatcher<Element>({
    schedule: options.schedule,
    signal,
    sliceMs: options.sliceMs,
    handle: (elements) => {
      const found: Element[] = [];
      for (const element of elements) {
        // A message may be gone again by the time its frame comes.
        if (!element.isConnected || isOwn(element)) continue;
        if (element.matches(selector)) found.push(element);
        else if (element.firstElementChild) batcher.add(element.children);
      }
      if (found.length > 0) options.onAdded(found);
    },
  });
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element && !isOwn(node)) batcher.add([node]);
    }
  });
  observer.observe(root, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  if (options.includeExisting) batcher.add(root.children);
}

/**
 * "The page changed": one call per frame in which anything was added or removed under `root`, none while the
 * page is still. Adding our own nodes does not count, nor moving them (the pin control follows the pointer); removing
 * one does (the page may have thrown it out).
 */
export function watchChanges(
  root: Node,
  options: { schedule: Schedule; signal: AbortSignal; onChange: () => void },
): void {
  const { signal } = options;
  if (signal.aborted) return;
  const batcher = frameBatcher<true>({ schedule: options.schedule, signal, handle: () => options.onChange() });
  const addsPageNodes = (nodes: NodeList) => {
    for (const node of nodes) if (!(node instanceof Element) || !isOwn(node)) return true;
    return false;
  };
  const removesNodes = (nodes: NodeList) => {
    for (const node of nodes) if (!(node instanceof Element) || !isOwn(node) || !node.isConnected) return true;
    return false;
  };
  const observer = new MutationObserver((records) => {
    if (records.some((r) => removesNodes(r.removedNodes) || addsPageNodes(r.addedNodes))) batcher.add([true]);
  });
  observer.observe(root, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
