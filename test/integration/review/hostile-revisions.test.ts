import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validFile } from '../../support/environment';
import { gitProject } from '../../support/git-project';
import { review } from '../../support/review';
import { tempDir } from '../../support/temp';
import { expectExit } from '../../support/terraform';

jest.setTimeout(300_000);

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY';

/** A runner's file outside the project that a pull request would like to see in a report. */
function outsideFile(): string {
  const file = join(tempDir(), 'runner-secret.json');
  writeFileSync(file, `{"secret": "${SECRET}"}`);
  return file;
}

describe('review: entries of environments/ that are not read as written are reported by name, never followed', () => {
  it('a committed symbolic link in the head revision', () => {
    const project = gitProject();
    project.writeEnvironment('test', validFile());
    project.commit('base');
    symlinkSync(outsideFile(), join(project.dir, 'environments', 'staging.json'));
    project.commit('a link');
    const result = review(project.dir, ['--base', 'main~1', '--head', 'main']);
    expectExit(result, 0);
    const lines = result.stdout.split('\n');
    expect(lines).toContain(
      '### The head revision cannot be synthesized: its environments folder holds entries that are not read as environment files',
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^- environments\/staging\.json: is a symbolic link; .*\[rule: environment-regular-file\]$/,
      ),
    );
    expect(result.stdout + result.stderr).not.toContain(SECRET.slice(0, 8));
  });

  it('a FIFO and an oversized file in the working tree', () => {
    const project = gitProject();
    project.writeEnvironment('test', validFile());
    project.commit('base');
    execFileSync('mkfifo', [join(project.dir, 'environments', 'pipe.json')]);
    writeFileSync(join(project.dir, 'environments', 'huge.json'), `{"pad": "${'x'.repeat(1024 * 1024)}"}`);
    const result = review(project.dir, ['--base', 'main']);
    expectExit(result, 0);
    const lines = result.stdout.split('\n');
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^- environments\/huge\.json: is 1,048,587 bytes; an environment file may be at most 1,048,576 bytes .*\[rule: environment-file-size\]$/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^- environments\/pipe\.json: is not a regular file .*\[rule: environment-regular-file\]$/),
    );
  });
});
