import { declaredResources, defaultTagsOf, synthesizeInMemory } from '../../../../reconcile/lookups/declared-resources';
import type { Environment } from '../../../../config/environment';
import { environment, fileWith } from '../../../support/environment';

const ACCOUNT = '123456789012';

describe('the resources a synthesized stack declares', () => {
  let env: Environment;
  let resources: ReturnType<typeof declaredResources>;
  beforeAll(async () => {
    env = await environment(fileWith((f) => (f.adopt = { iamUser: 'legacy-campaign', trackingRecords: true })));
    resources = declaredResources(synthesizeInMemory(env, '/project'), ACCOUNT);
  });
  const byType = (type: string) => resources.filter((r) => r.type === type);

  it('gives every importable resource the ID terraform import takes, references resolved', async () => {
    const ids = Object.fromEntries(
      resources.filter((r) => r.type.startsWith('aws_') && r.importId !== undefined).map((r) => [r.type, r.importId]),
    );
    expect(ids).toEqual({
      aws_s3_bucket: 'initech-campaign-aam-test',
      aws_s3_bucket_public_access_block: 'initech-campaign-aam-test',
      aws_s3_bucket_ownership_controls: 'initech-campaign-aam-test',
      aws_s3_bucket_server_side_encryption_configuration: 'initech-campaign-aam-test',
      aws_s3_bucket_versioning: 'initech-campaign-aam-test',
      aws_s3_bucket_lifecycle_configuration: 'initech-campaign-aam-test',
      aws_s3_bucket_policy: 'initech-campaign-aam-test',
      aws_s3_bucket_notification: 'initech-campaign-aam-test',
      aws_iam_user: 'legacy-campaign',
      aws_iam_group: 'campaign-aam-test',
      aws_iam_policy: `arn:aws:iam::${ACCOUNT}:policy/campaign-aam/campaign-aam-test`,
      aws_iam_group_policy_attachment: `campaign-aam-test/arn:aws:iam::${ACCOUNT}:policy/campaign-aam/campaign-aam-test`,
      aws_iam_user_group_membership: 'legacy-campaign/campaign-aam-test',
      aws_route53_record: 'Z0TESTZONE000000001_t.initech.example_CNAME',
    });
  });

  it('cannot import an access key (its secret is not importable), nor Campaign-side records', async () => {
    expect(byType('aws_iam_access_key').map((r) => r.importId)).toEqual([undefined]);
    expect(byType('terraform_data').every((r) => r.importId === undefined)).toBe(true);
  });

  it("knows the stack's own import blocks", async () => {
    expect(resources.filter((r) => r.importBlockId !== undefined).map((r) => [r.type, r.importBlockId])).toEqual([
      ['aws_iam_user', 'legacy-campaign'],
      ['aws_route53_record', 'Z0TESTZONE000000001_t.initech.example_CNAME'],
    ]);
  });

  it("reads the provider's default tags", async () => {
    expect(defaultTagsOf(synthesizeInMemory(env, '/project'))).toEqual({
      Environment: 'test',
      Integration: 'adobe-campaign-audience-manager',
      ManagedBy: 'cdktf',
    });
  });
});
