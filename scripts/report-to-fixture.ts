/**
 * Turns a user's page-structure report (options page, "Page check") into an HTML fixture for the selector tests:
 *   npx tsx scripts/report-to-fixture.ts report.txt > tests/unit/page/fixtures/cliq-<what>.html
 * Every shape becomes a sample value of that shape (`<digits>` → digits, `<text>` → "text"), each `×N` run is
 * written N times, and message ids stay unique, so the fixture reads as the user's page did.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const LINE = /^( *)([a-z][a-z0-9-]*|<tag>)((?:\.[^.#[\s]+)*)(#[^[\s]+)?((?:\[[^\]]*\])*)(?: ×(\d+))?(?: …)?$/;

let counter = 0;
/** A sample of a shape; `<digits>` grows with each use, so ids stay unique and in order. */
function sample(shape: string): string {
  return shape
    .replace(/<digits>/g, () => String(1772440500000 + counter++))
    .replace(/<text>/g, 'text')
    .replace(/<url>/g, 'https://example.invalid/')
    .replace(/<class>|<attribute>/g, 'x');
}

const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

interface SkeletonNode {
  open: string;
  tag: string;
  times: number;
  children: SkeletonNode[];
}

function parse(lines: string[]): SkeletonNode[] {
  const roots: SkeletonNode[] = [];
  const stack: { depth: number; node: SkeletonNode }[] = [];
  for (const line of lines) {
    const match = LINE.exec(line);
    if (!match) continue;
    const [, indent = '', rawTag = 'div', classes = '', id = '', attributes = '', times = '1'] = match;
    const tag = rawTag === '<tag>' ? 'div' : rawTag;
    const parts = [...attributes.matchAll(/\[([^=\]]+)(?:=([^\]]*))?\]/g)].map(([, name = 'x', value]) =>
      value === undefined ? ` ${name}` : ` ${name}="${escapeHtml(sample(value))}"`,
    );
    const classList = classes ? ` class="${escapeHtml(sample(classes.slice(1).split('.').join(' ')))}"` : '';
    const idAttribute = id ? ` id="${escapeHtml(sample(id.slice(1)))}"` : '';
    const node: SkeletonNode = {
      open: `<${tag}${idAttribute}${classList}${parts.join('')}>`,
      tag,
      times: Number(times),
      children: [],
    };
    const depth = indent.length / 2;
    while (stack.length > 0 && (stack.at(-1) as { depth: number }).depth >= depth) stack.pop();
    (stack.at(-1)?.node.children ?? roots).push(node);
    stack.push({ depth, node });
  }
  return roots;
}

const VOID = new Set(['img', 'br', 'hr', 'input', 'meta', 'link', 'source', 'wbr']);

function render(node: SkeletonNode, indent: string): string {
  const one = () => {
    // Re-sampled each time: the copies of a run get their own ids.
    const open = node.open
      .replaceAll('%20', '%\0')
      .replace(/\d{13,}/g, () => String(1772440500000 + counter++))
      .replaceAll('%\0', '%20');
    if (VOID.has(node.tag)) return `${indent}${open}`;
    const inner = node.children.map((child) => render(child, `${indent}  `)).join('\n');
    return inner ? `${indent}${open}\n${inner}\n${indent}</${node.tag}>` : `${indent}${open}</${node.tag}>`;
  };
  return Array.from({ length: node.times }, one).join('\n');
}

/** The fixture's HTML: what goes inside `<body>`. */
export function reportToFixture(report: string): string {
  counter = 0;
  const [summary = '', address = ''] = report.split('\n');
  const skeleton = report.slice(report.indexOf('\n\n') + 2).split('\n');
  const [body] = parse(skeleton);
  const html = (body?.children ?? []).map((child) => render(child, '')).join('\n');
  return `<!-- ${escapeHtml(summary)}, ${escapeHtml(address)}. Reports hold no text. -->\n${html}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file] = process.argv.slice(2);
  if (!file) {
    console.error('usage: npx tsx scripts/report-to-fixture.ts <report.txt>');
    process.exit(2);
  }
  process.stdout.write(reportToFixture(readFileSync(file, 'utf8')));
}
