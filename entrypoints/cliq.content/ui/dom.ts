/*
 * The always-visible in-page UIs (the pinned bar, the folder buttons) are built with DOM calls, so the content
 * script carries no UI library; what opens on a click renders with Preact from the on-demand script. Text is only
 * ever set as text: strings become text nodes, never markup.
 */

type Attributes = Record<string, string | boolean | undefined>;
type Child = Node | string | false | null | undefined;

/** Sets each attribute (booleans as "true"/"false", as Preact writes them); `undefined` removes it. */
export function attrs<E extends Element>(element: E, attributes: Attributes): E {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) element.removeAttribute(name);
    else element.setAttribute(name, String(value));
  }
  return element;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = attrs(document.createElement(tag), attributes);
  element.append(...children.filter((child): child is Node | string => Boolean(child)));
  return element;
}

/**
 * Makes `children` the element's children without moving any that stay: nodes that go are removed first, new ones
 * inserted in place. A node that is moved loses focus, and the bar updates while someone may be on its buttons.
 */
export function setChildren(parent: Element, children: readonly Child[]): void {
  const wanted = children
    .filter((child): child is Node | string => Boolean(child))
    .map((child) => (typeof child === 'string' ? document.createTextNode(child) : child));
  for (const node of [...parent.childNodes]) if (!wanted.includes(node)) node.remove();
  wanted.forEach((node, i) => {
    const at = parent.childNodes[i] ?? null;
    if (at !== node) parent.insertBefore(node, at);
  });
}

/** Sets a node's text only when it changes: a live region re-announces text set again, even the same. */
export function setText<N extends Node>(node: N, text: string): N {
  if (node.textContent !== text) node.textContent = text;
  return node;
}

/** A container for a part the on-demand script renders: it adds no box (nor a flex gap) while empty. */
export const slot = () => el('div', { style: 'display:contents' });
