import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findLeftoverLock, localLockInfoPath } from '../../../../reconcile/recover/state-lock';
import { environment, fileWith } from '../../../support/environment';
import { tempDir } from '../../../support/temp';

const noS3 = () => {
  throw new Error('a local backend needs no S3');
};

describe("a local backend's lock left behind", () => {
  it('is read from the lock info file beside the state, with who, when and the force-unlock command', async () => {
    const project = tempDir();
    const env = await environment(fileWith((f) => (f.backend = { type: 'local', path: 'state/test.tfstate' })));
    const lockFile = localLockInfoPath(join(project, 'state', 'test.tfstate'));
    expect(lockFile).toBe(join(project, 'state', '.test.tfstate.lock.info'));
    mkdirSync(join(project, 'state'));
    writeFileSync(
      lockFile,
      JSON.stringify({
        ID: '3f1c5a2e-1111-2222-3333-444455556666',
        Operation: 'OperationTypeApply',
        Info: '',
        Who: 'ci@runner-7',
        Version: '1.11.4',
        Created: '2026-11-29T04:10:00.123456Z',
        Path: join(project, 'state', 'test.tfstate'),
      }),
    );

    const { lock } = await findLeftoverLock(env, 'cdktf.out/stacks/test', project, noS3);
    expect(lock).toEqual({
      id: '3f1c5a2e-1111-2222-3333-444455556666',
      who: 'ci@runner-7',
      created: new Date('2026-11-29T04:10:00.123Z'),
      operation: 'apply',
      location: lockFile,
      // The operating system releases a local lock with its process; the file alone blocks nothing.
      blocking: false,
      forceUnlock: 'terraform -chdir=cdktf.out/stacks/test force-unlock 3f1c5a2e-1111-2222-3333-444455556666',
    });
  });

  it('is absent when no run left a lock info file', async () => {
    expect(await findLeftoverLock(await environment(), 'cdktf.out/stacks/test', tempDir(), noS3)).toEqual({});
  });
});
