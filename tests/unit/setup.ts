import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useMessages } from './messages';

beforeEach(() => {
  fakeBrowser.reset();
  useMessages('en');
});
