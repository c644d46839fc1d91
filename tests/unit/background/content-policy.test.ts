import { describe, expect, it } from 'vitest';
import { checkContentIntents } from '../../../lib/background/content-policy';

/* What a Cliq page may change in a folder's chat list: one chat out, or one chat back in its place. */
const FOLDER = '1234567890123456789';
const [A, B, C] = ['CT_1_11', 'CT_2_22', 'CT_3_33'];
const page = { id: 'cliq-pins', tab: { id: 7, url: `https://cliq.zoho.com/company/1/chats/${A}` } };
const replace = (chatIds: string[], editedFrom: string[]) => [
  { kind: 'replaceFolderChats', folderId: FOLDER, chatIds, editedFrom },
];

describe("a Cliq page's edits of a folder's chat list", () => {
  it('may take one chat out, or put one chat back where it was with the others as they are', () => {
    expect(() => checkContentIntents(replace([B, C], [A, B, C]), page)).not.toThrow();
    expect(() => checkContentIntents(replace([A, B, C], [B, C]), page)).not.toThrow();
    expect(() => checkContentIntents(replace([B, A, C], [B, C]), page)).not.toThrow();
  });

  it.each([
    ['two chats added at once', replace([A, B, C], [C])],
    ['one chat put back while the others are reordered', replace([A, C, B], [B, C])],
    ['two chats taken out', replace([C], [A, B, C])],
    ['a whole list with nothing to compare it to', [{ kind: 'replaceFolderChats', folderId: FOLDER, chatIds: [A] }]],
  ])('refuses %s', (_, intents) => {
    expect(() => checkContentIntents(intents, page)).toThrow(/only be done from the Cliq Pins popup/);
  });
});
