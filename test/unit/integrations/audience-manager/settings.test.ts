import { AamSetupError } from '../../../../integrations/audience-manager/errors';
import { aamSettings, baseUrl } from '../../../../integrations/audience-manager/settings';

const credential = { AAM_CLIENT_ID: 'id', AAM_CLIENT_SECRET: 'secret', AAM_SCOPES: 'openid,AdobeID' };

describe('the settings of the Audience Manager check', () => {
  it("defaults to Adobe's production endpoints and a 30 s timeout", () => {
    expect(aamSettings(credential)).toEqual({
      clientId: 'id',
      clientSecret: 'secret',
      scopes: 'openid,AdobeID',
      apiUrl: 'https://aam.adobe.io',
      imsUrl: 'https://ims-na1.adobelogin.com',
      timeoutMs: 30_000,
    });
  });

  it('names every missing credential variable at once', () => {
    expect(() => aamSettings({ AAM_CLIENT_ID: ' ' })).toThrow(
      new AamSetupError(
        'AAM_CLIENT_ID, AAM_CLIENT_SECRET, AAM_SCOPES are not set: the check signs in to Audience Manager with an Adobe Developer Console OAuth Server-to-Server credential (see docs/audience-manager-check.md)',
      ),
    );
  });

  it('takes overridden base URLs, https anywhere, plain http only on this machine', () => {
    expect(baseUrl('AAM_API_URL', 'https://aam-beta.adobe.io/')).toBe('https://aam-beta.adobe.io');
    expect(baseUrl('AAM_API_URL', 'http://127.0.0.1:4010')).toBe('http://127.0.0.1:4010');
    expect(baseUrl('AAM_IMS_URL', 'http://localhost:4010/')).toBe('http://localhost:4010');
    expect(() => baseUrl('AAM_API_URL', 'http://aam.adobe.io')).toThrow(
      'AAM_API_URL must be an https:// URL (plain http only for 127.0.0.1 or localhost), so the credentials and token never cross the network in clear text; got http://aam.adobe.io',
    );
    expect(() => baseUrl('AAM_IMS_URL', 'http://127.0.0.1.example.com')).toThrow(AamSetupError);
    expect(() => baseUrl('AAM_IMS_URL', 'ftp://127.0.0.1')).toThrow(AamSetupError);
    expect(() => baseUrl('AAM_API_URL', 'https://user:pw@aam.adobe.io')).toThrow(
      'AAM_API_URL must be a bare base URL, without credentials, query or fragment',
    );
    expect(() => baseUrl('AAM_API_URL', 'aam.adobe.io')).toThrow('AAM_API_URL is not a URL: "aam.adobe.io"');
    expect(() => aamSettings({ ...credential, AAM_API_URL: 'http://aam.example' })).toThrow(AamSetupError);
  });

  it('reads AAM_TIMEOUT_SECONDS as seconds, within bounds', () => {
    expect(aamSettings({ ...credential, AAM_TIMEOUT_SECONDS: '0.25' }).timeoutMs).toBe(250);
    for (const bad of ['0', '-1', 'soon', '601']) {
      expect(() => aamSettings({ ...credential, AAM_TIMEOUT_SECONDS: bad })).toThrow(
        'AAM_TIMEOUT_SECONDS must be a number of seconds above 0 and at most 600',
      );
    }
  });
});
