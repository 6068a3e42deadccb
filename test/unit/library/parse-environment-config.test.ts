import { ConfigError, parseEnvironmentConfig, type EnvironmentConfig } from '../../../index';
import { environment, fileWith, validFile } from '../../support/environment';

const config = (change: (file: Record<string, any>) => void = () => undefined) => fileWith(change) as EnvironmentConfig;

describe('parseEnvironmentConfig', () => {
  it('returns the same environment as the environment file `environments/<name>.json` would', async () => {
    const fromCode = await parseEnvironmentConfig(config(), 'test', 'environments/test.json');
    expect(fromCode).toEqual(await environment(validFile(), 'test'));
  });

  it('fills in every default, names the environment after `name` and problems after it too by default', async () => {
    const env = await parseEnvironmentConfig(config(), 'shop-dev');
    expect(env.name).toBe('shop-dev');
    expect(env.sourceFile).toBe('shop-dev');
    expect(env.receiver.prefix).toBe('campaign-aam/');
    expect(env.accessKey).toEqual({ slots: ['blue'], activeSlot: 'blue' });
  });

  it('throws one ConfigError listing every problem, in the messages of the environment files', async () => {
    const bad = config((f) => {
      f.receiver.bucketName = 'initech.campaign';
      f.receiver.segmentRetentionDays = 0;
      f.recevier = {};
    });
    const error = await parseEnvironmentConfig(bad, 'Shop Dev').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe(
      [
        '4 problems in 1 environment file; nothing was synthesized:',
        '  - Shop Dev: the environment name "Shop Dev" must be 1-31 lowercase letters, digits and hyphens, starting with a letter (AWS resource names derive from it) [rule: environment-name]',
        '  - Shop Dev: receiver.bucketName = "initech.campaign": must not contain dots: `<bucket>.s3.amazonaws.com` with a dotted name fails TLS certificate validation [rule: s3-bucket-name-no-dots]',
        '  - Shop Dev: receiver.segmentRetentionDays = 0: must be at least 1 [rule: minimum]',
        '  - Shop Dev: recevier: is not a known setting; did you mean `receiver`? Valid keys here: `$schema`, `environment`, `organization`, `request`, `aws`, `receiver`, `accessKey`, `dns`, `campaign`, `backend`, `adopt`. [rule: known-keys]',
      ].join('\n'),
    );
  });

  it('accepts a name at each end of the rule, and rejects one just past them', async () => {
    await expect(parseEnvironmentConfig(config(), 'a')).resolves.toMatchObject({ name: 'a' });
    await expect(parseEnvironmentConfig(config(), `a${'b'.repeat(30)}`)).resolves.toBeDefined();
    for (const name of ['', `a${'b'.repeat(31)}`, '1dev', 'Dev']) {
      await expect(parseEnvironmentConfig(config(), name, 'code')).rejects.toThrow(
        `code: the environment name ${JSON.stringify(name)} must be 1-31 lowercase letters`,
      );
    }
  });
});
