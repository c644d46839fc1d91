import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { folderMenuButton } from '../../../entrypoints/cliq.content/ui/folder-button';
import type { OnDemand } from '../../../entrypoints/cliq.content/ui/on-demand';
import { createShadowUi } from '../../../entrypoints/cliq.content/ui/shadow';

/** Parts that record what they were asked to render instead of rendering it. */
export function fakeParts() {
  const mounted: { into: Element; part?: unknown; props?: unknown }[] = [];
  const parts = {
    mount: (_scope: unknown, into: Element, part?: unknown, props?: unknown) => mounted.push({ into, part, props }),
    FolderPopover: 'FolderPopover',
    BarPanel: 'BarPanel',
    PinDialogPopover: 'PinDialogPopover',
  } as unknown as OnDemand;
  return { parts, mounted };
}

export const noteIn = (root: ParentNode) => root.querySelector<HTMLElement>('[data-testid=page-load-note]');

/** The chat header's folder button for "Pin Room", in the page. */
export async function folderButton(ctx: ContentScriptContext) {
  const ui = await createShadowUi(ctx, 'cliq-pins-folders', ctx.signal);
  ui.place({ anchor: document.body, append: 'last' });
  const menu = folderMenuButton(ui, 'folder-button', 'folder-menu-popover');
  ui.root.append(menu.button, menu.popover);
  menu.setChat('CT_1_2', 'Pin Room');
  return { ui, menu };
}
