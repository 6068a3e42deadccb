import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { fileWith, synthStack } from '../../support/environment';

type Json = Record<string, any>;
const parsed = (s: string) => JSON.parse(s) as Json;

describe('EnvironmentStack', () => {
  it('configures the provider with the region and default tags', async () => {
    const synthesized = await synthStack(fileWith((f) => (f.aws.tags = { CostCenter: 'ops' })));
    expect(synthesized).toHaveProviderWithProperties(AwsProvider, {
      region: 'us-east-1',
      default_tags: [
        {
          tags: {
            CostCenter: 'ops',
            Environment: 'test',
            Integration: 'adobe-campaign-audience-manager',
            ManagedBy: 'cdktf',
          },
        },
      ],
    });
    expect(parsed(synthesized).provider.aws[0].allowed_account_ids).toBeUndefined();
  });

  it('guards the AWS account when an account ID is given', async () => {
    const synthesized = await synthStack(fileWith((f) => (f.aws.accountId = '123456789012')));
    expect(synthesized).toHaveProviderWithProperties(AwsProvider, { allowed_account_ids: ['123456789012'] });
  });

  it('gives real environments no endpoint overrides or static credentials', async () => {
    const provider = parsed(await synthStack()).provider.aws[0];
    for (const key of ['endpoints', 'access_key', 'secret_key', 's3_use_path_style', 'skip_credentials_validation']) {
      expect(provider[key]).toBeUndefined();
    }
  });

  it('asks the emulator for its account when an emulator environment has an account guard', async () => {
    const provider = parsed(
      await synthStack(
        fileWith((f) => {
          f.aws.endpoint = 'http://127.0.0.1:4566';
          f.aws.accountId = '123456789012';
        }),
      ),
    ).provider.aws[0];
    expect(provider).toMatchObject({ allowed_account_ids: ['123456789012'], skip_requesting_account_id: false });
  });

  it('points every service at the emulator for an emulator environment', async () => {
    const provider = parsed(await synthStack(fileWith((f) => (f.aws.endpoint = 'http://127.0.0.1:4566')))).provider
      .aws[0];
    expect(provider).toMatchObject({
      access_key: 'test',
      secret_key: 'test',
      s3_use_path_style: true,
      skip_credentials_validation: true,
      skip_requesting_account_id: true,
    });
    expect(provider.endpoints).toEqual([
      {
        iam: 'http://127.0.0.1:4566',
        kms: 'http://127.0.0.1:4566',
        route53: 'http://127.0.0.1:4566',
        s3: 'http://127.0.0.1:4566',
        s3control: 'http://127.0.0.1:4566',
        secretsmanager: 'http://127.0.0.1:4566',
        sts: 'http://127.0.0.1:4566',
      },
    ]);
  });

  it('keeps local state in the project folder, outside cdktf.out', async () => {
    expect(parsed(await synthStack()).terraform.backend).toEqual({
      local: { path: '/project/terraform.test.tfstate' },
    });
    const custom = await synthStack(fileWith((f) => (f.backend = { type: 'local', path: 'state/test.tfstate' })));
    expect(parsed(custom).terraform.backend).toEqual({ local: { path: '/project/state/test.tfstate' } });
  });

  it('uses an encrypted, S3-locked S3 backend when configured', async () => {
    const synthesized = await synthStack(
      fileWith(
        (f) =>
          (f.backend = {
            type: 's3',
            bucket: 'initech-state',
            key: 'aam/test.tfstate',
            region: 'us-east-1',
            kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-4cd3-8ef5-1234567890ab',
          }),
      ),
    );
    expect(parsed(synthesized).terraform.backend).toEqual({
      s3: {
        bucket: 'initech-state',
        key: 'aam/test.tfstate',
        region: 'us-east-1',
        encrypt: true,
        kms_key_id: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-4cd3-8ef5-1234567890ab',
        use_lockfile: true,
      },
    });
  });

  it('outputs what Campaign needs, with the secret only as a sensitive output', async () => {
    const outputs = parsed(await synthStack()).output;
    expect(Object.keys(outputs).sort()).toEqual([
      'access_key_id',
      'access_key_id_blue',
      'active_key_slot',
      'aws_region',
      'export_receiver_server',
      'import_receiver_server',
      'receiver_bucket',
      'secret_access_key_blue',
    ]);
    expect(outputs.import_receiver_server.value).toBe('initech-campaign-aam-test.s3.amazonaws.com/campaign-aam/import');
    expect(outputs.secret_access_key_blue).toMatchObject({
      sensitive: true,
      value: expect.stringMatching(/\.secret\}$/),
    });
    for (const [name, output] of Object.entries(outputs as Json)) {
      if (name !== 'secret_access_key_blue') expect(output.sensitive).toBe(false);
    }
  });

  it('outputs only the PGP-encrypted secret when a PGP key is configured', async () => {
    const outputs = parsed(
      await synthStack(fileWith((f) => (f.accessKey = { pgpPublicKey: 'keybase:initech_ops' }))),
    ).output;
    expect(outputs.secret_access_key_blue).toBeUndefined();
    expect(outputs.encrypted_secret_access_key_blue.value).toMatch(/\.encrypted_secret\}$/);
  });
});

describe('EnvironmentStack in an emulator environment', () => {
  it('leaves out EventBridge notifications, which moto cannot store', async () => {
    const synthesized = await synthStack(fileWith((f) => (f.aws.endpoint = 'http://127.0.0.1:4566')));
    expect(JSON.parse(synthesized).resource.aws_s3_bucket_notification).toBeUndefined();
    expect(JSON.parse(await synthStack()).resource.aws_s3_bucket_notification).toBeDefined();
  });
});
