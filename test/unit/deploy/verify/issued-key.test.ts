import { issuedKey } from '../../../../deploy/verify/issued-key';
import { environment } from '../../../support/environment';

describe('the key npm run verify checks', () => {
  it('is the one passed in both variables', async () => {
    const key = issuedKey(await environment(), '/nonexistent', {
      CAMPAIGN_AAM_ACCESS_KEY_ID: 'AKIAEXAMPLE',
      CAMPAIGN_AAM_SECRET_ACCESS_KEY: 'secret',
    });
    expect(key).toEqual({ accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' });
  });

  it.each([
    [{ CAMPAIGN_AAM_ACCESS_KEY_ID: 'AKIAEXAMPLE' }, 'CAMPAIGN_AAM_SECRET_ACCESS_KEY is not set'],
    [
      { CAMPAIGN_AAM_SECRET_ACCESS_KEY: 'secret', CAMPAIGN_AAM_ACCESS_KEY_ID: '' },
      'CAMPAIGN_AAM_ACCESS_KEY_ID is not set',
    ],
  ])('refuses half a key (%j) instead of silently checking the deployed one', async (vars, message) => {
    const env = await environment();
    expect(() => issuedKey(env, '/nonexistent', vars)).toThrow(message);
  });
});
