import { validFile } from '../../support/environment';
import { projectCommand, verify } from '../../support/cdktf-cli';
import { environmentsDir, tempDir } from '../../support/temp';

jest.setTimeout(240_000);

/** No credentials anywhere the SDK's default chain looks (variables, files, instance metadata). */
const NO_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: '',
  AWS_SECRET_ACCESS_KEY: '',
  AWS_SESSION_TOKEN: '',
  AWS_PROFILE: '',
  AWS_CONFIG_FILE: '/nonexistent/aws-config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '',
  AWS_CONTAINER_CREDENTIALS_FULL_URI: '',
  AWS_WEB_IDENTITY_TOKEN_FILE: '',
};

describe('npm run adopt and npm run recover: mistakes get a clear message and exit code 2', () => {
  const work = tempDir();
  environmentsDir({ real: validFile() }, work);

  it('adopt names the known environments when asked for an unknown one', () => {
    const result = projectCommand(work, 'adopt', 'staging');
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('no environment named "staging"; known: real');
  });

  it('adopt without AWS credentials says how to provide them, as for npm run plan', () => {
    const result = projectCommand(work, 'adopt', 'real', [], NO_CREDENTIALS);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^no usable AWS credentials \(CredentialsProviderError: .*\): set them as for `npm run plan` \(AWS_PROFILE, AWS_ACCESS_KEY_ID\/AWS_SECRET_ACCESS_KEY, or SSO\), then run again\n$/,
    );
    expect(result.stdout).toBe('');
  });

  it('recover refuses a stack that was never synthesized and initialized here', () => {
    const result = projectCommand(work, 'recover', 'real');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'holds no initialized stack: recover works on the stack the interrupted deploy ran (run `npm run plan -- real` to synthesize and initialize it)',
    );
  });

  it('recover shows its usage for unknown or conflicting flags', () => {
    for (const args of [['--force'], ['--yes', '--print']]) {
      const result = projectCommand(work, 'recover', 'real', args);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('usage: npm run recover -- <environment> [--yes | --print]');
    }
  });
});

describe('npm run verify of an environment not deployed from this folder', () => {
  it('says to deploy it first, or to pass the key, with exit code 2', () => {
    const work = tempDir();
    environmentsDir({ real: validFile() }, work);
    const result = verify(work, 'real');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^cannot read the outputs of .*cdktf\.out\/stacks\/real \(terraform output failed\): deploy it first with `npm run deploy -- real`, or pass the key in CAMPAIGN_AAM_ACCESS_KEY_ID and CAMPAIGN_AAM_SECRET_ACCESS_KEY\n$/,
    );
    expect(result.stdout).toBe('');
  });
});
