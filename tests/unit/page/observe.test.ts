// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { frameBatcher, observeAdded, watchChanges } from '../../../lib/page/observe';
import { frames } from '../../helpers';

/** Frames a test steps by hand: `schedule` queues work for the next frame; `frame()` runs one frame. */

/** MutationObserver callbacks run as microtasks. */
const mutationsDelivered = () => new Promise((resolve) => setTimeout(resolve, 0));

function message(id: string): HTMLElement {
  const node = document.createElement('div');
  node.className = 'message';
  node.dataset.messageId = id;
  return node;
}

describe('frameBatcher', () => {
  it('hands over everything added before a frame in one call, and schedules nothing while idle', () => {
    const clock = frames();
    const handle = vi.fn();
    const batcher = frameBatcher({ schedule: clock.schedule, signal: new AbortController().signal, handle });
    expect(clock.schedule).not.toHaveBeenCalled();
    batcher.add([1, 2]);
    batcher.add([3, 2]);
    expect(clock.schedule).toHaveBeenCalledTimes(1);
    clock.frame();
    expect(handle.mock.calls).toEqual([[[1, 2, 3]]]);
    clock.frame();
    expect(clock.schedule).toHaveBeenCalledTimes(1);
  });

  it('hands a large batch over in chunks and yields to the next frame once its time slice is spent', () => {
    const clock = frames();
    let now = 0;
    // Each chunk takes 3 ms of the 8 ms slice: three chunks fit in a frame (3, 6, 9 ≥ 8 stops).
    const handle = vi.fn(() => {
      now += 3;
    });
    const batcher = frameBatcher({
      schedule: clock.schedule,
      signal: new AbortController().signal,
      handle,
      sliceMs: 8,
      chunk: 2,
      now: () => now,
    });
    batcher.add([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    clock.frame();
    expect(handle.mock.calls).toEqual([[[1, 2]], [[3, 4]], [[5, 6]]]);
    clock.frame();
    expect(handle.mock.calls.slice(3)).toEqual([[[7, 8]], [[9]]]);
    expect(clock.pending()).toBe(0);
  });

  it('keeps the rest for the next frame when a chunk throws', () => {
    const clock = frames();
    const seen: number[][] = [];
    const handle = vi.fn((items: number[]) => {
      seen.push(items);
      if (seen.length === 1) throw new Error('one bad chunk');
    });
    const batcher = frameBatcher({ schedule: clock.schedule, signal: new AbortController().signal, handle, chunk: 2 });
    batcher.add([1, 2, 3]);
    expect(() => clock.frame()).toThrow('one bad chunk');
    clock.frame();
    expect(seen).toEqual([[1, 2], [3]]);
  });

  it('drops what is pending once its signal ends', () => {
    const clock = frames();
    const handle = vi.fn();
    const stop = new AbortController();
    const batcher = frameBatcher({ schedule: clock.schedule, signal: stop.signal, handle });
    batcher.add([1]);
    stop.abort();
    clock.frame();
    batcher.add([2]);
    expect(handle).not.toHaveBeenCalled();
    expect(clock.pending()).toBe(0);
  });
});

describe('observeAdded (one MutationObserver for the message list)', () => {
  let list: HTMLElement;
  beforeEach(() => {
    document.body.innerHTML = '<div class="message-list"></div>';
    list = document.querySelector('.message-list') as HTMLElement;
    list.append(message('m1'), message('m2'));
  });

  it('gives existing messages first, then new ones in one batch per frame', async () => {
    const clock = frames();
    const onAdded = vi.fn();
    observeAdded(list, '.message', { ...clock, signal: new AbortController().signal, onAdded, includeExisting: true });
    // Existing messages are looked for at the next frame, not in the caller's task.
    expect(onAdded).not.toHaveBeenCalled();
    clock.frame();
    expect(onAdded.mock.calls.map(([els]) => els.map((el: HTMLElement) => el.dataset.messageId))).toEqual([
      ['m1', 'm2'],
    ]);

    // Fifty messages arriving live (and one nested in a wrapper) cost one frame, not fifty; the wrapper is looked
    // into within that frame's batch, not in the observer's callback.
    for (let i = 0; i < 50; i++) list.append(message(`new${i}`));
    const day = document.createElement('section');
    day.append(message('nested'));
    list.append(day);
    await mutationsDelivered();
    expect(clock.schedule).toHaveBeenCalledTimes(2);
    clock.frame();
    const live = onAdded.mock.calls.slice(1).flatMap(([els]) => els.map((el: HTMLElement) => el.dataset.messageId));
    expect(live).toEqual([...Array.from({ length: 50 }, (_, i) => `new${i}`), 'nested']);
    expect(clock.pending()).toBe(0);
  });

  it('hands a freshly rendered subtree of many messages over in time slices, not in one call', async () => {
    const clock = frames();
    let now = 0;
    const sizes: number[] = [];
    const onAdded = vi.fn((elements: Element[]) => {
      sizes.push(elements.length);
      now += elements.length / 10;
    });
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    observeAdded(list, '.message', { ...clock, signal: new AbortController().signal, onAdded, sliceMs: 8 });
    const day = document.createElement('section');
    for (let i = 0; i < 500; i++) day.append(message(`day${i}`));
    list.append(day);
    await mutationsDelivered();
    // The observer's callback itself found nothing: the wrapper waits for the frame.
    expect(onAdded).not.toHaveBeenCalled();
    let steps = 0;
    while (clock.pending() > 0 && steps < 100) {
      clock.frame();
      steps++;
    }
    vi.restoreAllMocks();
    // Chunks of 50 at 5 ms each: two fit in an 8 ms slice, so 500 messages take five frames.
    expect(sizes).toEqual(Array.from({ length: 10 }, () => 50));
    expect(steps).toBe(5);
  });

  it('does no work at all while the list does not change', async () => {
    const clock = frames();
    const onAdded = vi.fn();
    observeAdded(list, '.message', { ...clock, signal: new AbortController().signal, onAdded });
    await mutationsDelivered();
    list.querySelector('.message')?.setAttribute('data-seen', 'yes');
    await mutationsDelivered();
    expect(clock.schedule).not.toHaveBeenCalled();
    expect(onAdded).not.toHaveBeenCalled();
  });

  it('skips our own nodes and messages already gone again by their frame', async () => {
    const clock = frames();
    const onAdded = vi.fn();
    observeAdded(list, '.message', { ...clock, signal: new AbortController().signal, onAdded });
    const ours = document.createElement('button');
    ours.setAttribute('data-cliq-pins', 'pin-control');
    list.querySelector('.message')?.append(ours);
    const fleeting = message('fleeting');
    list.append(fleeting);
    await mutationsDelivered();
    fleeting.remove();
    clock.frame();
    expect(onAdded).not.toHaveBeenCalled();
  });

  it('stops observing when its signal ends', async () => {
    const clock = frames();
    const onAdded = vi.fn();
    const stop = new AbortController();
    observeAdded(list, '.message', { ...clock, signal: stop.signal, onAdded });
    stop.abort();
    list.append(message('late'));
    await mutationsDelivered();
    clock.frame();
    expect(clock.schedule).not.toHaveBeenCalled();
    expect(onAdded).not.toHaveBeenCalled();
  });
});

describe('watchChanges (the page changed: re-check where UIs belong)', () => {
  it('calls once per frame with changes, never for our own additions or while idle', async () => {
    const clock = frames();
    const onChange = vi.fn();
    watchChanges(document.body, { ...clock, signal: new AbortController().signal, onChange });
    document.body.append(document.createElement('main'), document.createElement('aside'));
    await mutationsDelivered();
    clock.frame();
    expect(onChange).toHaveBeenCalledTimes(1);

    const host = document.createElement('cliq-pins-bar');
    document.body.append(host);
    await mutationsDelivered();
    expect(clock.pending()).toBe(0);

    // Moving our own node (the pin control following the pointer) is not a change of the page.
    const main = document.querySelector('main') as Element;
    main.append(host);
    await mutationsDelivered();
    expect(clock.pending()).toBe(0);

    // The page throwing one of our UIs out is a change: it has to be put back.
    host.remove();
    await mutationsDelivered();
    clock.frame();
    expect(onChange).toHaveBeenCalledTimes(2);
  });
});
