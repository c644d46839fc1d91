/**
 * In-page UIs show Cliq's own theme, not the system's: Cliq has its own light and dark setting, and a dark chip
 * on Cliq's light header (or the reverse) looks broken. Nothing documents how Cliq marks its theme, so it is read
 * from what the page shows: the first opaque background behind our UI.
 */
const hosts = new Set<HTMLElement>();
let observer: MutationObserver | undefined;
let queued = false;

function isDarkBehind(host: HTMLElement): boolean {
  for (let node = host.parentElement; node; node = node.parentElement) {
    const [r = 255, g = 255, b = 255, alpha = 1] = (getComputedStyle(node).backgroundColor.match(/[\d.]+/g) ?? []).map(
      Number,
    );
    // Relative luminance (sRGB weights, without the curve: a light/dark split needs no more).
    if (alpha > 0.5) return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
  }
  return false;
}

function update(): void {
  queued = false;
  for (const host of hosts) {
    if (host.isConnected) host.setAttribute('data-theme', isDarkBehind(host) ? 'dark' : 'light');
  }
}

/** Called whenever a host is (re)placed; the page's theme switch is watched on <html> and <body> only. */
export function followPageTheme(host: HTMLElement, signal: AbortSignal): void {
  hosts.add(host);
  signal.addEventListener('abort', () => hosts.delete(host), { once: true });
  update();
  if (observer) return;
  observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(update);
  });
  const watched = { attributes: true, attributeFilter: ['class', 'style', 'theme', 'data-theme'] };
  observer.observe(document.documentElement, watched);
  if (document.body) observer.observe(document.body, watched);
}
