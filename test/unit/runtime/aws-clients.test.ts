import { sdkClientConfig } from '../../../runtime/aws-clients';
import { EMULATOR_CREDENTIALS, emulatorEndpoint } from '../../../runtime/emulator-environment';

const real = { aws: { region: 'eu-west-1' } };
const emulator = { aws: { region: 'eu-west-1', endpoint: 'http://127.0.0.1:5000' } };
const key = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'never-printed' };

describe('the AWS clients and the emulator check', () => {
  it('tells an emulator environment by its endpoint alone', () => {
    expect(emulatorEndpoint(real)).toBeUndefined();
    expect(emulatorEndpoint(emulator)).toBe('http://127.0.0.1:5000');
  });

  it("leaves a real account's clients to the default credential chain", () => {
    expect(sdkClientConfig(real, 'us-east-1')).toEqual({ region: 'us-east-1' });
  });

  it("points an emulator environment's clients at the emulator, with its credentials", () => {
    expect(sdkClientConfig(emulator, 'eu-west-1')).toEqual({
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:5000',
      credentials: { ...EMULATOR_CREDENTIALS },
    });
  });

  it('uses given credentials over both, as a copy', () => {
    const config = sdkClientConfig(emulator, 'eu-west-1', key);
    expect(config.credentials).toEqual(key);
    expect(config.credentials).not.toBe(key);
    expect(sdkClientConfig(real, 'eu-west-1', key)).toEqual({ region: 'eu-west-1', credentials: key });
  });
});
