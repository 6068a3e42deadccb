import { compareConfigurations } from '../../../review/revision/config-diff';
import { fileWith, synthStack, validFile } from '../../support/environment';

const config = async (file: Record<string, any> = validFile()) =>
  JSON.parse(await synthStack(file)) as Record<string, unknown>;
const actions = (changes: ReturnType<typeof compareConfigurations>) =>
  Object.fromEntries(
    changes.filter((c) => c.action !== 'no-op').map((c) => [c.address.replace(/_[0-9A-F]{8}$/, ''), c.action]),
  );

describe('comparing two revisions of a stack', () => {
  it('finds nothing between identical configurations', async () => {
    expect(actions(compareConfigurations(await config(), await config()))).toEqual({});
  });

  it('updates a Campaign record in place when one recorded field changes', async () => {
    const changes = compareConfigurations(
      await config(),
      await config(fileWith((f) => (f.campaign.dataSources[0].aamDestinationId = '654321'))),
    );
    expect(actions(changes)).toEqual({ 'terraform_data.integration_data-source-visitor-id_setting': 'update' });
    expect(changes.find((c) => c.action === 'update')?.attributes).toEqual([
      { path: 'input.aamDestinationId', before: '123456', after: '654321', forcesReplacement: false },
    ]);
  });

  it('replaces a renamed bucket and, through their references, every resource bound to it', async () => {
    const changes = compareConfigurations(
      await config(),
      await config(fileWith((f) => (f.receiver.bucketName = 'initech-campaign-aam-renamed'))),
    );
    expect(actions(changes)).toEqual({
      'aws_s3_bucket.integration_receiver_bucket': 'replace',
      'aws_s3_bucket_public_access_block.integration_receiver_public-access-block': 'replace',
      'aws_s3_bucket_ownership_controls.integration_receiver_ownership-controls': 'replace',
      'aws_s3_bucket_server_side_encryption_configuration.integration_receiver_encryption': 'replace',
      'aws_s3_bucket_versioning.integration_receiver_versioning': 'replace',
      'aws_s3_bucket_lifecycle_configuration.integration_receiver_lifecycle': 'replace',
      'aws_s3_bucket_policy.integration_receiver_policy': 'replace',
      'aws_s3_bucket_notification.integration_receiver_notifications': 'replace',
      // The policy's description names the bucket (a replace-forcing argument), so its ARN changes too.
      'aws_iam_policy.integration_access-key_policy': 'replace',
      'aws_iam_group_policy_attachment.integration_access-key_group-policy': 'replace',
      'terraform_data.integration_external-account-import_setting': 'update',
      'terraform_data.integration_external-account-export_setting': 'update',
      'output.receiver_bucket': 'update',
      'output.import_receiver_server': 'update',
      'output.export_receiver_server': 'update',
    });
    const versioning = changes.find((c) => c.type === 'aws_s3_bucket_versioning');
    expect(versioning?.attributes).toEqual([
      {
        path: 'bucket',
        before: expect.stringMatching(/^\$\{aws_s3_bucket\.integration_receiver_bucket_[0-9A-F]{8}\.id\}$/),
        after: expect.objectContaining({ reason: 'unknown' }),
        forcesReplacement: true,
      },
    ]);
  });

  it('updates the external accounts with a key known only after deploy when the key is replaced', async () => {
    const changes = compareConfigurations(
      await config(),
      await config(fileWith((f) => (f.accessKey = { pgpPublicKey: 'keybase:initech_secops' }))),
    );
    const found = actions(changes);
    expect(found['aws_iam_access_key.integration_access-key_key-blue']).toBe('replace');
    expect(found['terraform_data.integration_external-account-import_setting']).toBe('update');
    const account = changes.find((c) => c.address.includes('external-account-import'));
    expect(account?.attributes.map((a) => [a.path, JSON.stringify(a.after)])).toEqual([
      ['input.accessKeyId', '"(known after apply)"'],
    ]);
  });

  it('compares the backend and the provider as stack settings', async () => {
    const changes = compareConfigurations(
      await config(),
      await config(fileWith((f) => (f.aws.accountId = '111122223333'))),
    );
    const provider = changes.find((c) => c.address === 'provider.aws');
    expect(provider?.action).toBe('update');
    expect(provider?.attributes.map((a) => [a.path, a.after])).toEqual([['allowed_account_ids', ['111122223333']]]);
  });

  it('follows moved blocks, and reads import and removed blocks as import and forget', async () => {
    const base = await config();
    const head = await config();
    const buckets = (head.resource as any).aws_s3_bucket;
    const [oldName] = Object.keys(buckets);
    buckets.renamed = buckets[oldName];
    delete buckets[oldName];
    head.moved = [{ from: `aws_s3_bucket.${oldName}`, to: 'aws_s3_bucket.renamed' }];
    (head.resource as any).aws_s3_bucket.adopted = { bucket: 'initech-adopted' };
    head.import = [{ to: 'aws_s3_bucket.adopted', id: 'initech-adopted' }];
    const [recordName] = Object.keys((base.resource as any).aws_route53_record);
    delete (head.resource as any).aws_route53_record[recordName];
    head.removed = [{ from: `aws_route53_record.${recordName}`, lifecycle: { destroy: false } }];
    expect(actions(compareConfigurations(base, head))).toEqual({
      'aws_s3_bucket.adopted': 'import',
      [`aws_route53_record.${recordName}`.replace(/_[0-9A-F]{8}$/, '')]: 'forget',
    });
  });

  it('masks secret-bearing attributes of settings, such as credentials in a provider block', async () => {
    const base = await config();
    const head = await config();
    ((head.provider as any).aws[0] as Record<string, unknown>).secret_key = 'PLANTED-SECRET';
    const provider = compareConfigurations(base, head).find((c) => c.address === 'provider.aws');
    expect(JSON.stringify(provider)).not.toContain('PLANTED-SECRET');
    expect(provider?.attributes.map((a) => [a.path, JSON.stringify(a.after)])).toEqual([
      ['secret_key', '"(sensitive)"'],
    ]);
  });
});
