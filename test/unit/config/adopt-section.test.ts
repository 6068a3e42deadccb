import { parseEnvironment } from '../../../config/load';
import { type ConfigProblem, formatProblem } from '../../../config/problems';
import { environment, fileWith } from '../../support/environment';

const FILE = 'environments/test.json';

async function problemsOf(
  adopt: unknown,
  change: (f: Record<string, any>) => void = () => undefined,
): Promise<ConfigProblem[]> {
  const parsed = await parseEnvironment(
    FILE,
    JSON.stringify(
      fileWith((f) => {
        f.adopt = adopt;
        change(f);
      }),
    ),
  );
  if (parsed.ok) throw new Error('expected the file to be rejected');
  return parsed.problems;
}

describe('the adopt section', () => {
  it('adopts nothing by default', async () => {
    expect((await environment()).adopt).toEqual({ receiverBucket: false, iamUser: false, trackingRecords: false });
  });

  it('accepts every form: flags, a list of bucket settings, a user name, a list of host names', async () => {
    const adopt = {
      receiverBucket: { settings: ['versioning', 'encryption'] },
      iamUser: 'legacy.campaign+aam@initech',
      trackingRecords: ['t.initech.example'],
    };
    expect((await environment(fileWith((f) => (f.adopt = adopt)))).adopt).toEqual(adopt);
    expect((await environment(fileWith((f) => (f.adopt = { receiverBucket: true })))).adopt).toEqual({
      receiverBucket: true,
      iamUser: false,
      trackingRecords: false,
    });
  });

  /** [what is wrong, adopt section, path, rule, message] */
  const cases: [string, unknown, string, string, string][] = [
    [
      'a user name IAM would refuse',
      { iamUser: 'campaign user' },
      'adopt.iamUser',
      'iam-user-name',
      'an IAM user name is 1-64 letters, digits and `+ = , . @ _ -` (no spaces or slashes; the path is not part of it)',
    ],
    [
      'a user name longer than 64 characters',
      { iamUser: 'u'.repeat(65) },
      'adopt.iamUser',
      'iam-user-name',
      'an IAM user name is 1-64 letters, digits and `+ = , . @ _ -` (no spaces or slashes; the path is not part of it)',
    ],
    [
      'a user given as a number',
      { iamUser: 7 },
      'adopt.iamUser',
      'one-of',
      'must be `true`, `false` or the name of the existing IAM user',
    ],
    [
      'a bucket flag given as a string',
      { receiverBucket: 'yes' },
      'adopt.receiverBucket',
      'one-of',
      'must be `true`, `false` or `{ "settings": [...] }` naming the settings the bucket already has',
    ],
    [
      'a misspelt bucket setting',
      { receiverBucket: { settings: ['versionin'] } },
      'adopt.receiverBucket.settings[0]',
      'allowed-values',
      'must be one of "publicAccessBlock", "ownershipControls", "encryption", "versioning", "lifecycle", "policy", "notifications", "logging"; did you mean "versioning"?',
    ],
    [
      'a bucket setting listed twice',
      { receiverBucket: { settings: ['policy', 'policy'] } },
      'adopt.receiverBucket.settings[1]',
      'unique-adopted-settings',
      'is listed twice',
    ],
    [
      'logging, which the stack declares only with receiver.accessLogs',
      { receiverBucket: { settings: ['logging'] } },
      'adopt.receiverBucket.settings[0]',
      'adopted-setting-declared',
      'the stack declares no access logging without `receiver.accessLogs`, so there is nothing to import it into: remove it, or declare `receiver.accessLogs`',
    ],
    [
      'a host name that is not a tracking record',
      { trackingRecords: ['www.initech.example'] },
      'adopt.trackingRecords[0]',
      'adopted-record-declared',
      'is not a tracking host name of `dns.trackingServer` (`t.initech.example`); only declared records can be imported',
    ],
    [
      'an empty list of host names',
      { trackingRecords: [] },
      'adopt.trackingRecords',
      'minimum',
      'must have at least 1 item',
    ],
    [
      'a misspelt key',
      { iamUsers: true },
      'adopt.iamUsers',
      'known-keys',
      'is not a known setting; did you mean `iamUser`? Valid keys here: `receiverBucket`, `iamUser`, `trackingRecords`.',
    ],
  ];

  it.each(cases)('rejects %s', async (_what, adopt, path, rule, message) => {
    const problems = await problemsOf(adopt);
    expect(problems).toEqual([expect.objectContaining({ file: FILE, path, rule, message })]);
    expect(formatProblem(problems[0])).toMatch(new RegExp(`^${FILE}: ${path.replace(/[[\]]/g, '\\$&')}`));
  });

  it('rejects notifications in an emulator environment, which declares none', async () => {
    const problems = await problemsOf(
      { receiverBucket: { settings: ['notifications'] } },
      (f) => (f.aws.endpoint = 'http://127.0.0.1:4566'),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        path: 'adopt.receiverBucket.settings[0]',
        rule: 'adopted-setting-declared',
        message:
          'emulator environments (`aws.endpoint`) declare no EventBridge notifications, so there is nothing to import them into: remove it',
      }),
    ]);
  });

  it('accepts logging once access logs are declared, and a delegated subdomain as a tracking record', async () => {
    const env = await environment(
      fileWith((f) => {
        f.receiver.accessLogs = { bucketName: 'initech-logs', prefix: 'aam/' };
        f.dns.trackingServer = {
          method: 'delegation',
          subdomain: 'email.initech.example',
          nameServers: ['ns1.adobe.example', 'ns2.adobe.example'],
        };
        f.adopt = { receiverBucket: { settings: ['logging'] }, trackingRecords: ['email.initech.example'] };
      }),
    );
    expect(env.adopt.receiverBucket).toEqual({ settings: ['logging'] });
  });
});
