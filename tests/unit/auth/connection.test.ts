import { describe, expect, it, vi } from 'vitest';
import {
  accountsServer,
  apiOrigin,
  checkHost,
  connectionSchema,
  dataCentreLabel,
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

  it('names every data centre by its region, Europe too where the ICU data lacks region 150 (Chromium)', () => {
    // Chromium's ICU answers the code itself for "150"; Node's full ICU would say "Europe".
    const of = vi
      .spyOn(Intl.DisplayNames.prototype, 'of')
      .mockImplementation((code: string) => (code === '150' ? code : `Country ${code}`));
    expect(dataCentreLabel('eu')).toBe('Europe (zoho.eu)');
    expect(dataCentreLabel('uk')).toBe('Country GB (zoho.uk)');
    of.mockRestore();
  });

  it('lets a custom host override the data centre, normalised to its origin', () => {
    const custom = connectionSchema.parse({ dataCentre: 'com', apiHost: 'https://cliq.zoho.uk/some/path' });
    expect(apiOrigin(custom)).toBe('https://cliq.zoho.uk');
  });

  it('refuses hosts the manifest does not let the extension reach, with a message that says what is allowed', () => {
    expect(() => checkHost('https://evil.example.com', 'api', false)).toThrow(/not a Zoho Cliq host/);
    expect(() => checkHost('http://cliq.zoho.com', 'api', false)).toThrow(/not a Zoho Cliq host/);
    expect(() => checkHost('https://cliq.zoho.ca', 'api', false)).toThrow(/not a Zoho Cliq host/);
    expect(() => checkHost('not a url', 'accounts', false)).toThrow(/is not a web address/);
  });

  it('takes only hosts of its own kind in each field', () => {
    expect(checkHost('https://accounts.zoho.uk', 'accounts', false)).toBe('https://accounts.zoho.uk');
    expect(() => checkHost('https://accounts.zoho.eu', 'api', false)).toThrow(
      'The Cliq API host "https://accounts.zoho.eu" is a Zoho accounts host; this field needs a Zoho Cliq host such as https://cliq.zoho.eu.',
    );
    expect(() => checkHost('https://cliq.zoho.eu', 'accounts', false)).toThrow(
      /is a Zoho Cliq host; this field needs a Zoho accounts host/,
    );
    expect(() => apiOrigin(connectionSchema.parse({ apiHost: 'https://accounts.zoho.com' }))).toThrow(/accounts host/);
    expect(() => accountsServer(connectionSchema.parse({ accountsHost: 'https://cliq.zoho.com' }))).toThrow(
      /Cliq host/,
    );
  });

  it('accepts the loopback sandbox only in sandbox builds', () => {
    expect(() => checkHost('http://127.0.0.1:8787', 'api', false)).toThrow();
    expect(checkHost('http://127.0.0.1:8787/', 'api', true)).toBe('http://127.0.0.1:8787');
    expect(() => checkHost('http://localhost:8787', 'accounts', true)).toThrow();
  });

  it("maps Zoho's location to a data centre", () => {
    expect(dataCentreOfLocation('eu')).toBe('eu');
    expect(dataCentreOfLocation('AU')).toBe('com.au');
    expect(dataCentreOfLocation('us')).toBe('com');
    expect(dataCentreOfLocation('uk')).toBe('uk');
    expect(dataCentreOfLocation('ca')).toBe('ca');
    expect(dataCentreOfLocation('mars')).toBeUndefined();
  });
});
