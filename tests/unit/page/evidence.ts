import { readFileSync } from 'node:fs';

/** The Cliq chat written from public evidence of the live web app (see the fixture's opening comment). */
export const EVIDENCE = readFileSync('tests/unit/page/fixtures/cliq-evidence.html', 'utf8');
export const CHAT = 'CT_2231796882690347967_654200107-B1';
/** The fixture's messages, top to bottom, in the extension's spelling (`<ms>_<digits>`). */
export const MESSAGE_IDS = [
  '1772440500000_375412769224',
  '1772440560000_375412769225',
  '1772440800000_375412769226',
  '1772527200000_375412769227',
  '1772527260000_375412769228',
  '1772527320000_375412769229',
];

/** Every class name in the document replaced by random strings; every attribute kept: "Cliq renamed its classes". */
export function scrambleClasses(root: ParentNode = document): void {
  const random = () => `x${Math.random().toString(36).slice(2, 9)}`;
  for (const element of root.querySelectorAll('[class]'))
    element.setAttribute('class', element.getAttribute('class')?.split(/\s+/).map(random).join(' ') ?? '');
}
