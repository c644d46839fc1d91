import { describe, expect, it } from 'vitest';
import {
  accountsServer,
  apiOrigin,
  checkHost,
  connectionSchema,
  dataCentreOfLocation,
} from '../../../lib/auth/connection';

describe('connection settings', () => {
  it('derives the Cliq and accounts hosts of the chosen data centre', () => {
    const eu = connectionSchema.parse({ dataCentre: 'eu', clientId: '1000.ABC' });
    expect(apiOrigin(eu)).toBe('https://cliq.zoho.eu');
    expect(accountsServer(eu)).toBe('https://accounts.zoho.eu');
    const canada = connectionSchema.parse({ dataCentre: 'ca' });
    expect(apiOrigin(canada)).toBe('https://cliq.zohocloud.ca');
  });

  it('lets a custom host override the data centre, normalised to its origin', () => {
    const custom = connectionSchema.parse({ dataCentre: 'ca', apiHost: 'https://cliq.zoho.ca/some/path' });
    expect(apiOrigin(custom)).toBe('https://cliq.zoho.ca');
  });

  it('refuses hosts the manifest does not let the extension reach, with a message that says what is allowed', () => {
    expect(() => checkHost('https://evil.example.com', false)).toThrow(/not a Zoho Cliq or Zoho accounts host/);
    expect(() => checkHost('http://cliq.zoho.com', false)).toThrow(/not a Zoho Cliq/);
    expect(() => checkHost('not a url', false)).toThrow(/is not a web address/);
  });

  it('accepts the loopback sandbox only in sandbox builds', () => {
    expect(() => checkHost('http://127.0.0.1:8787', false)).toThrow();
    expect(checkHost('http://127.0.0.1:8787/', true)).toBe('http://127.0.0.1:8787');
    expect(() => checkHost('http://localhost:8787', true)).toThrow();
  });

  it("maps Zoho's location to a data centre", () => {
    expect(dataCentreOfLocation('eu')).toBe('eu');
    expect(dataCentreOfLocation('AU')).toBe('com.au');
    expect(dataCentreOfLocation('us')).toBe('com');
    expect(dataCentreOfLocation('mars')).toBeUndefined();
  });
});
