import { OWN_NODE_ATTRIBUTE } from './selectors';

/**
 * The page-structure report: a skeleton of the Cliq page a user can paste into a bug report, so a contributor
 * can see Cliq's markup without seeing the user's chats. Tag, attribute and class names only; every text node
 * dropped; every attribute value dropped or replaced by its shape (`<digits>%20<digits>`, `CT_<digits>_<digits>`),
 * except the few attributes whose values are Cliq's own words (`purpose`, `role`, …). Made in the content script,
 * from the page as it is, and nothing of what the page says about itself is trusted to be safe.
 */

/** Attributes whose values name a kind of thing rather than say something: kept when they look like a word. */
const WORD_VALUED = new Set([
  'purpose',
  'role',
  'type',
  'dir',
  'elemtype',
  'msgtype',
  'mymsg',
  'contenteditable',
  'tabindex',
  'draggable',
  'aria-current',
  'aria-hidden',
  'aria-expanded',
  'aria-live',
  'aria-haspopup',
]);
const WORD = /^[a-z][a-z0-9_-]{0,30}$/i;
/** A class or id as code writes them; an `@`, `.`, space or anything longer is not kept. */
const IDENTIFIER = /^[A-Za-z_-][A-Za-z0-9_-]{0,47}$/;
/** Ids shaped like Cliq's own: digits, `CT_`, `%20`, separators and short upper-case suffixes (`-B1`, `-T-`). */
const ID_LIKE = /^(?:CT_|[-_ .:]|%20|<digits>|[A-Z]{1,2}(?=<digits>|-|$))+$/;

/** Digits become `<digits>`; the `%20` Cliq writes inside message ids stays as it is. */
const digitsOut = (value: string) =>
  value
    .split('%20')
    .map((part) => part.replace(/\d+/g, '<digits>'))
    .join('%20');

/** What an attribute value looks like, never what it says. */
export function shapeOf(value: string): string {
  if (value === '') return '';
  const shaped = digitsOut(value.trim());
  if (ID_LIKE.test(shaped)) return shaped;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value.trim()) || value.trim().startsWith('/')) return '<url>';
  return '<text>';
}

function attributeLine(name: string, value: string): string | null {
  const attribute = name.toLowerCase();
  if (!/^[a-z_:][a-z0-9_:.-]{0,47}$/.test(attribute)) return '[<attribute>]';
  if (attribute === 'class' || attribute === 'style') return null;
  if (value === '') return `[${attribute}]`;
  if (WORD_VALUED.has(attribute) && WORD.test(value)) return `[${attribute}=${value}]`;
  if (attribute === 'id') {
    const id = digitsOut(value);
    return IDENTIFIER.test(id.replace(/<digits>/g, '0')) && !/^[A-Z]/.test(id) ? `#${id}` : `[id=${shapeOf(value)}]`;
  }
  return `[${attribute}=${shapeOf(value)}]`;
}

function classes(element: Element): string {
  return [...element.classList]
    .map((name) => digitsOut(name))
    .map((name) => (IDENTIFIER.test(name.replace(/<digits>/g, '0')) ? `.${name}` : '.<class>'))
    .join('');
}

const isOwn = (element: Element) =>
  element.hasAttribute(OWN_NODE_ATTRIBUTE) || element.localName.startsWith('cliq-pins-');

function describe(element: Element): string {
  const tag = /^[a-z][a-z0-9-]{0,40}$/.test(element.localName) ? element.localName : '<tag>';
  const attributes = [...element.attributes]
    .map((attribute) => attributeLine(attribute.name, attribute.value))
    .filter((line): line is string => line !== null)
    .sort();
  return `${tag}${classes(element)}${attributes.join('')}`;
}

export interface ReportLimits {
  maxLines: number;
  maxDepth: number;
}

const LIMITS: ReportLimits = { maxLines: 4_000, maxDepth: 60 };

/**
 * The skeleton under `root`, one element a line, indented by depth; runs of siblings with the same skeleton are
 * written once with `×N` (a chat of 5,000 messages stays short).
 */
export function structureSkeleton(root: Element, limits: ReportLimits = LIMITS): string {
  const render = (element: Element, depth: number): string[] => {
    const head = describe(element);
    if (depth >= limits.maxDepth) return [`${head} …`];
    const lines = [head];
    let previous: string[] | null = null;
    let repeats = 0;
    const flush = () => {
      if (!previous) return;
      const [first = '', ...rest] = previous;
      lines.push(`  ${first}${repeats > 1 ? ` ×${repeats}` : ''}`, ...rest.map((line) => `  ${line}`));
    };
    for (const child of element.children) {
      if (isOwn(child)) continue;
      const rendered = render(child, depth + 1);
      if (previous && rendered.join('\n') === previous.join('\n')) {
        repeats++;
        continue;
      }
      flush();
      previous = rendered;
      repeats = 1;
    }
    flush();
    return lines;
  };
  const lines = render(root, 0);
  return lines.length > limits.maxLines
    ? [...lines.slice(0, limits.maxLines), `… ${lines.length - limits.maxLines} more lines`].join('\n')
    : lines.join('\n');
}

const PATH_WORDS = new Set(['company', 'chats', 'channels', 'messages', 'index.do', 'setup', 'bots', 'threads']);

/** The address's path as a shape: Cliq's own words kept, every id shaped, every name (a channel's) dropped. */
export function pathShape(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => {
      let decoded: string;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        return '<text>';
      }
      return decoded === '' || PATH_WORDS.has(decoded) ? decoded : shapeOf(decoded).replace('<url>', '<text>');
    })
    .join('/');
}
