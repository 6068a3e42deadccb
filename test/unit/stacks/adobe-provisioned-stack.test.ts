import { adobeProvisionedFile, onlyResource, resourcesOf, synthStack } from '../../support/environment';

const KMS = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('the stack of an environment whose receiver Adobe provisioned', () => {
  let synthesized: string;
  let json: Record<string, any>;
  beforeAll(async () => {
    synthesized = await synthStack(
      adobeProvisionedFile((f) => {
        f.receiver.export.accessKeyId = 'AKIAADOBEEXAMPLE0002';
        f.receiver.secretKmsKeyArn = KMS;
      }),
    );
    json = JSON.parse(synthesized);
  });

  it('creates no bucket, IAM user, group, policy or access key', () => {
    const types = Object.keys(json.resource);
    expect(types.filter((t) => t.startsWith('aws_s3_') || t.startsWith('aws_iam_'))).toEqual([]);
    expect(types.sort()).toEqual(['aws_route53_record', 'aws_secretsmanager_secret', 'terraform_data']);
  });

  it("declares one Secrets Manager secret per account, encrypted with the environment's key, and never a value", () => {
    const secrets = resourcesOf(synthesized, 'aws_secretsmanager_secret').sort((a, b) => b.name.localeCompare(a.name));
    expect(secrets.map((s) => ({ name: s.name, kms: s.kms_key_id }))).toEqual([
      { name: 'campaign-aam-test/import-secret-access-key', kms: KMS },
      { name: 'campaign-aam-test/export-secret-access-key', kms: KMS },
    ]);
    expect(secrets[0].description).toContain('AKIAADOBEEXAMPLE0001');
    expect(secrets[1].description).toContain('AKIAADOBEEXAMPLE0002');
    expect(json.resource.aws_secretsmanager_secret_version).toBeUndefined();
    expect(json.data?.aws_secretsmanager_secret_version).toBeUndefined();
    for (const secret of secrets) expect(Object.keys(secret)).not.toContain('secret_string');
  });

  it('records what Adobe sent in each external account, with where its secret is kept', () => {
    const accounts = resourcesOf(synthesized, 'terraform_data')
      .map((r) => r.input)
      .filter((input) => input.kind === 'external-account')
      .sort((a, b) => b.name.localeCompare(a.name));
    expect(accounts).toEqual([
      {
        kind: 'external-account',
        name: 'importSharedAudience',
        type: 'Amazon S3',
        direction: 'Audience Manager -> Campaign',
        receiverServer: 'adobe-aam-initech.s3.amazonaws.com/campaign/import',
        accessKeyId: 'AKIAADOBEEXAMPLE0001',
        region: 'us-east-1',
        provisionedBy: 'Adobe',
        secretName: 'campaign-aam-test/import-secret-access-key',
      },
      {
        kind: 'external-account',
        name: 'exportSharedAudience',
        type: 'Amazon S3',
        direction: 'Campaign -> Audience Manager',
        receiverServer: 'adobe-aam-initech.s3.amazonaws.com/campaign/export',
        accessKeyId: 'AKIAADOBEEXAMPLE0002',
        region: 'us-east-1',
        provisionedBy: 'Adobe',
        secretName: 'campaign-aam-test/export-secret-access-key',
      },
    ]);
  });

  it("outputs each account's values and secret ARN, and nothing sensitive", () => {
    const outputs = json.output as Record<string, { value: string; sensitive?: boolean }>;
    expect(Object.keys(outputs).sort()).toEqual([
      'export_access_key_id',
      'export_aws_region',
      'export_receiver_server',
      'export_secret_arn',
      'import_access_key_id',
      'import_aws_region',
      'import_receiver_server',
      'import_secret_arn',
    ]);
    expect(Object.values(outputs).some((o) => o.sensitive === true)).toBe(false);
    expect(outputs.import_secret_arn.value).toMatch(/aws_secretsmanager_secret\..*\.arn/);
  });

  it('keeps the stack-owned outputs for a stack-owned receiver', async () => {
    const owned = JSON.parse(await synthStack());
    expect(owned.resource.aws_secretsmanager_secret).toBeUndefined();
    expect(onlyResource(JSON.stringify(owned), 'aws_s3_bucket').bucket).toBe('initech-campaign-aam-test');
    expect(Object.keys(owned.output)).toContain('secret_access_key_blue');
  });
});
