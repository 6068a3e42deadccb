import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { killTerraformMidApply } from '../support/kill-terraform';
import { startProcess } from '../support/run';
import { emulatorFixture } from './emulator-fixture';

jest.setTimeout(600_000);

const NAME = 'killed';
const BUCKET = 'initech-campaign-aam-killed';
const ZONE = 'killed.initech.example';

/**
 * Issue 13.1: cdktf-cli 0.21 exits 0 when its Terraform child is killed, so `npm run deploy` must
 * not trust it. Terraform is killed mid-apply as an out-of-memory killer would (SIGKILL, cdktf
 * lives on); the deploy must fail and name what is still pending.
 */
describe('npm run deploy when Terraform is killed mid-apply', () => {
  const emulator = emulatorFixture({ zoneName: ZONE });

  it('fails, naming each resource still pending and its action', async () => {
    const { aws } = emulator;
    emulator.write(NAME, emulator.file(NAME, { bucketName: BUCKET }));
    const deploy = startProcess('npm', ['run', '--silent', 'deploy', '--', NAME, '--auto-approve'], {
      env: emulator.projectEnv,
    });
    // Once the bucket exists, its lifecycle configuration (which the AWS provider waits about a
    // minute for in moto) is still being applied: the kill lands mid-apply.
    const bucketExists = () =>
      aws.s3.send(new HeadBucketCommand({ Bucket: BUCKET })).then(
        () => true,
        () => false,
      );
    await killTerraformMidApply(deploy.pid, bucketExists);
    const result = await deploy.result;

    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^killed: NOT converged: the plan after apply still has \d+ pending changes?:$/m);
    expect(result.stderr).toMatch(/^ {2}- create\s+aws_s3_bucket_lifecycle_configuration\.\S+ \(integration\/\S+\)$/m);
    expect(result.stderr).toContain('Run `npm run deploy -- killed` again');
    expect(result.stdout + result.stderr).not.toContain('deployed and converged');
  });
});
