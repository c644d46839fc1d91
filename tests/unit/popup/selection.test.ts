import { describe, expect, it } from 'vitest';
import {
  allSelected,
  clickItem,
  emptySelection,
  groupSelected,
  itemKey,
  keepOnly,
  type Selection,
  splitKey,
  toggleAll,
} from '../../../components/popup/model/selection';

const order = ['c1/a', 'c1/b', 'c2/c', 'c2/d', 'c3/e'];
const keys = (s: Selection) => [...s.keys].sort();

describe('selecting rows for a bulk action', () => {
  it('toggles one row per click and remembers it as the anchor', () => {
    let s = clickItem(emptySelection, 'c1/b', order, false);
    expect(keys(s)).toEqual(['c1/b']);
    expect(s.anchor).toBe('c1/b');
    s = clickItem(s, 'c1/b', order, false);
    expect(keys(s)).toEqual([]);
  });

  it('Shift-click selects every row between the anchor and the clicked row, across chats and in either direction', () => {
    const down = clickItem(clickItem(emptySelection, 'c1/b', order, false), 'c2/d', order, true);
    expect(keys(down)).toEqual(['c1/b', 'c2/c', 'c2/d']);
    const up = clickItem(clickItem(emptySelection, 'c3/e', order, false), 'c2/c', order, true);
    expect(keys(up)).toEqual(['c2/c', 'c2/d', 'c3/e']);
    // The anchor stays, so a second Shift-click re-draws the range from the same row.
    expect(up.anchor).toBe('c3/e');
  });

  it('Shift-click on a selected row clears the range instead', () => {
    let s = toggleAll(emptySelection, order);
    s = clickItem(s, 'c1/a', order, false); // deselects a, anchor a
    s = clickItem(s, 'c2/c', order, true); // c was selected: the range a..c is cleared
    expect(keys(s)).toEqual(['c2/d', 'c3/e']);
  });

  it('Shift-click without an anchor on screen is a plain click', () => {
    const s = clickItem({ keys: new Set(), anchor: 'gone/x' }, 'c2/c', order, true);
    expect(keys(s)).toEqual(['c2/c']);
    expect(s.anchor).toBe('c2/c');
  });

  it('"select all" selects a group, clears it when all were selected, and reports mixed states', () => {
    const group = ['c2/c', 'c2/d'];
    let s = clickItem(emptySelection, 'c2/c', order, false);
    expect(allSelected(s, group)).toBe('mixed');
    s = toggleAll(s, group);
    expect(allSelected(s, group)).toBe(true);
    s = toggleAll(s, group);
    expect(allSelected(s, group)).toBe(false);
    expect(allSelected(s, [])).toBe(false);
  });

  it('drops rows that are no longer shown, and the anchor with them', () => {
    const s = keepOnly(toggleAll(clickItem(emptySelection, 'c1/a', order, false), order), ['c1/b', 'c3/e']);
    expect(keys(s)).toEqual(['c1/b', 'c3/e']);
    expect(s.anchor).toBeUndefined();
    const same = keepOnly(s, order);
    expect(same).toBe(s);
  });

  it('groups the selection by chat or folder for one intent each; ids with underscores survive the key', () => {
    const id = '1573708648341_375412769224';
    expect(splitKey(itemKey('CT_1_x', id))).toEqual(['CT_1_x', id]);
    const s = toggleAll(emptySelection, [itemKey('c1', 'a'), itemKey('c2', id), itemKey('c1', 'b')]);
    expect(groupSelected(s)).toEqual(
      new Map([
        ['c1', ['a', 'b']],
        ['c2', [id]],
      ]),
    );
  });
});
