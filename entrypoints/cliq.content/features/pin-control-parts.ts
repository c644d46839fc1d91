import { t } from '../../../lib/i18n';
import { type MessageReader, messagePreview } from '../../../lib/page/messages';
import { OWN_NODE_ATTRIBUTE } from '../../../lib/page/selectors';

/*
 * What the pin feature puts into Cliq's page, built with DOM calls only (never markup from a string, since the
 * names carry message text): the one pin control, the pinned marker, and their accessible names.
 */

const CONTROL = 'pin-control';
const MARKER = 'pin-marker';
/** Readable on Cliq's light and dark backgrounds; the jump highlight uses the same amber. */
export const PINNED_COLOUR = '#d36b00';
const NAME_LENGTH = 60;
export const FOCUS_RING = '2px solid #1a73e8';

/** Whether a message is pinned; `undefined`: the chat's pins could not be read, so neither is claimed. */
export type State = boolean | undefined;
/** The chat's pinned message ids, or null when reading them failed. */
export type Pinned = ReadonlySet<string> | null;

const SVG = 'http://www.w3.org/2000/svg';
const PIN_PATH = 'M5.5 1.5h5v1.2l-1 .8v3.2l2.5 2.6v1.4H8.7v4.3L8 16l-.7-1v-4.3H4V9.3l2.5-2.6V3.5l-1-.8z';

/** A push pin drawn as SVG (never markup from a string): filled for pinned, outlined otherwise. */
function pinIcon(): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  for (const [name, value] of [
    ['viewBox', '0 0 16 16'],
    ['width', '14'],
    ['height', '14'],
    ['aria-hidden', 'true'],
    ['stroke', 'currentColor'],
    ['stroke-width', '1.2'],
    ['stroke-linejoin', 'round'],
  ])
    svg.setAttribute(name as string, value as string);
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', PIN_PATH);
  svg.append(path);
  return svg;
}

let markerTemplate: HTMLElement | undefined;
/**
 * The mark a pinned message wears without hover, inline after its text: in the flow, so it moves nothing of the
 * page's layout (a float or a corner badge would collide with Cliq's own row layout). Built once, then cloned.
 */
export function newMarker(): HTMLElement {
  if (!markerTemplate) {
    const marker = document.createElement('span');
    marker.setAttribute(OWN_NODE_ATTRIBUTE, MARKER);
    marker.setAttribute('role', 'img');
    marker.setAttribute('aria-label', t('pageMarkerPinned'));
    marker.title = t('pageMarkerPinned');
    marker.style.cssText = `display:inline-block;margin-inline-start:6px;vertical-align:-2px;line-height:0;color:${PINNED_COLOUR}`;
    const icon = pinIcon();
    icon.setAttribute('fill', 'currentColor');
    marker.append(icon);
    markerTemplate = marker;
  }
  return markerTemplate.cloneNode(true) as HTMLElement;
}

/** The one pin control: it goes to the message under the pointer or the keyboard, so no message pays for one. */
export function newControl(): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.setAttribute(OWN_NODE_ATTRIBUTE, CONTROL);
  button.setAttribute('aria-haspopup', 'dialog');
  // Out of the flow, in the message's top corner: showing and hiding it never moves the page's text.
  button.style.cssText =
    'position:absolute;top:2px;inset-inline-end:6px;z-index:1;margin:0;padding:3px;line-height:0;border:0;' +
    'border-radius:4px;background:none;font:inherit;cursor:pointer;transition:opacity 120ms';
  button.append(pinIcon());
  return button;
}

/** "Hello team, the build is…": enough of a message to tell it from its neighbours in a control's name. */
export function describe(reader: MessageReader, message: Element): string {
  const { text, senderName } = messagePreview(reader, message);
  const words = text.replace(/\s+/g, ' ').trim() || senderName || '';
  return words.length > NAME_LENGTH ? `${words.slice(0, NAME_LENGTH - 1)}…` : words;
}

export function nameFor(state: State, what: string): string {
  if (state === undefined) return what ? t('pagePinStateUnknownNamed', what) : t('pagePinStateUnknown');
  if (state) return what ? t('pageEditPinNamed', what) : t('pageEditPin');
  return what ? t('pagePinMessageNamed', what) : t('pagePinMessage');
}
