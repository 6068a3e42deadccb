import { cli, removeCliBuild } from '../../support/compiled-cli';
import { adobeProvisionedFile, distinctFile } from '../../support/environment';
import { environmentsDir, tempDir } from '../../support/temp';

jest.setTimeout(300_000);

/** `npm run secret` where nothing reaches AWS: help, usage errors and refusals before any call. */
describe('npm run secret', () => {
  let project: string;
  beforeAll(() => {
    project = tempDir();
    environmentsDir(
      {
        owned: distinctFile('owned'),
        adobe: adobeProvisionedFile((f) => {
          f.receiver.export.accessKeyId = 'AKIAADOBEEXAMPLE0002';
          f.receiver.import.receiverServer = 'adobe-aam-x.s3.amazonaws.com/in';
          f.receiver.export.receiverServer = 'adobe-aam-x.s3.amazonaws.com/out';
        }),
      },
      project,
    );
  });
  afterAll(removeCliBuild);

  const secret = (args: string[]) => cli('secret', args, { cwd: project });

  it('prints its usage with --help and exits 0', () => {
    const result = secret(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^usage: npm run secret -- set <environment> \[--account import\|export\]\n/);
  });

  it.each([
    [[], 'usage: npm run secret'],
    [['get', 'adobe'], 'unknown action "get"'],
    [['set'], 'usage: npm run secret'],
    [['set', 'adobe', 'extra'], 'one environment, and nothing else (got extra)'],
    [['set', 'adobe', '--account', 'both'], '--account is import or export, not "both"'],
    [['set', 'adobe', '--region', 'x'], "Unknown option '--region'"],
    [['set', 'nowhere'], 'nowhere'],
  ])('exits 2 for %j, saying why', (args, message) => {
    const result = secret(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('refuses an environment with the stack-owned receiver, and two keys without --account, before reading a secret', () => {
    const owned = secret(['set', 'owned']);
    expect(owned.status).toBe(2);
    expect(owned.stderr).toContain('owned has the stack\'s own receiver (`receiver.mode: "stack-owned"`)');
    const two = secret(['set', 'adobe']);
    expect(two.status).toBe(2);
    expect(two.stderr).toContain(
      'the import and export accounts of adobe use different keys (AKIAADOBEEXAMPLE0001, AKIAADOBEEXAMPLE0002): name the one whose secret you give with `--account import` or `--account export`',
    );
  });
});
