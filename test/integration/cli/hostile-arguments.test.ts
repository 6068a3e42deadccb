import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../support/run';
import { tempDir } from '../../support/temp';
import { snapshot, throwawayProject } from '../../support/throwaway-project';

jest.setTimeout(300_000);

const copy = throwawayProject();
const command = (name: string, args: string[], env: Record<string, string> = {}) =>
  // INIT_CWD as npm sets it: paths on the command line are the user's, here the copy's folder.
  run(process.execPath, [join(copy.cli, `${name}.js`), ...args], {
    cwd: copy.project,
    env: { INIT_CWD: copy.project, ...env },
  });

/** Runs `work`, then checks that nothing in the copy's parent folder (the project and beside it) changed. */
function untouched(work: () => void): void {
  const before = snapshot(copy.parent);
  work();
  expect(snapshot(copy.parent)).toEqual(before);
}

describe('no argument makes a command delete or overwrite what it does not own', () => {
  it.each([['../..'], ['..'], ['../../environments/staging'], ['/'], ['dev/../..']])(
    'npm run local -- %s: a usage error naming the known environments, before anything is touched',
    (name) => {
      mkdirSync(join(copy.project, '.cache', 'local'), { recursive: true });
      untouched(() => {
        const result = command('local', [name]);
        expect(result.status).toBe(2);
        expect(result.stderr.trim()).toMatch(
          new RegExp(
            `^no environment named "${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"( \\(did you mean "dev"\\?\\))?; known: dev, production, staging$`,
          ),
        );
      });
    },
  );

  it('plan --output <a folder that is no synth output>: refused before any synth', () => {
    const foreign = join(copy.parent, 'documents');
    mkdirSync(join(foreign, 'stacks', 'old'), { recursive: true });
    writeFileSync(join(foreign, 'notes.txt'), 'mine');
    untouched(() => {
      const result = command('plan', ['dev', '--output', foreign]);
      expect(result.status).toBe(2);
      expect(result.stderr.trim()).toBe(
        `--output ${foreign} is not empty and holds no cdktf \`manifest.json\`, so it is no synth output folder (synth replaces and deletes what is in it); choose a new or empty folder, or an earlier output folder; nothing was changed`,
      );
    });
  });

  it('synth with CDKTF_OUTDIR at a folder that is no synth output: one problem line, nothing written', () => {
    const foreign = join(copy.parent, 'elsewhere');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'keep.txt'), 'mine');
    untouched(() => {
      const result = command('synth', [], { CDKTF_OUTDIR: foreign });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('[rule: output-folder-owned]');
    });
  });

  it.each([
    [
      'an environment file',
      'environments/staging.json',
      'it exists and is not a review report written earlier, so it may be something else; remove it first or choose a new name',
    ],
    [
      'the package file',
      'package.json',
      'it exists and is not a review report written earlier, so it may be something else; remove it first or choose a new name',
    ],
    ['a folder', 'environments', 'it is a folder'],
    ['a file in a missing folder', 'nowhere/report.md', 'its folder nowhere does not exist'],
  ])('review --out <%s>: refused before the review runs', (_what, target, why) => {
    untouched(() => {
      const result = command('review', ['--base', 'HEAD', '--out', target]);
      expect(result.status).toBe(2);
      expect(result.stderr.trim()).toBe(
        `review: refusing to write the review report to ${target}: ${why}; nothing was written`,
      );
    });
  });

  it('review --full through a symbolic link: refused, the link target untouched', () => {
    const target = join(copy.parent, 'target.md');
    writeFileSync(target, '## Campaign integration review: an old report');
    execFileSync('ln', ['-s', target, join(copy.project, 'link.md')]);
    untouched(() => {
      const result = command('review', ['--base', 'HEAD', '--full', 'link.md']);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('it is a symbolic link');
    });
  });
});

describe('every command answers --help', () => {
  const commands = readdirSync(copy.cli)
    .filter((file) => file.endsWith('.js'))
    .map((file) => file.replace(/\.js$/, ''))
    .filter((name) => readFileSync(join(copy.cli, `${name}.js`), 'utf8').includes('runCommandLine)(main'));

  it('lists the commands it checks (every cli/ file that is a command)', () => {
    expect(commands).toEqual(
      expect.arrayContaining(['synth', 'plan', 'deploy', 'bench', 'local', 'review', 'promote']),
    );
  });

  it.each(commands)('%s --help: the usage, exit 0, nothing else done', (name) => {
    untouched(() => {
      const result = command(name, ['--help']);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^usage: npm run /);
      expect(result.stderr).toBe('');
    });
  });
});

describe('temporary folders that a killed run left behind', () => {
  it('are swept by the next command; a live run keeps its folder, other folders stay', () => {
    const tmp = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const host = execFileSync('hostname', { encoding: 'utf8' }).trim();
    const folder = (name: string, owner?: string) => {
      mkdirSync(join(tmp, name));
      writeFileSync(join(tmp, name, 'after-apply.tfplan'), 'secret');
      if (owner !== undefined) writeFileSync(join(tmp, name, '.campaign-aam-owner'), `${owner}\n`);
    };
    folder('campaign-aam-convergence-killed', `${host} ${dead.stdout.trim()}`);
    folder('campaign-aam-review-running', `${host} ${process.pid}`);
    folder('campaign-aam-other-host', `elsewhere ${dead.stdout.trim()}`);
    folder('campaign-aam-unmarked');
    folder('someone-else');
    const result = command('plan-matrix', [], { TMPDIR: tmp, AWS_PLAN_ROLES: '' });
    expect(result.status).toBe(0);
    expect(readdirSync(tmp).sort()).toEqual([
      'campaign-aam-other-host',
      'campaign-aam-review-running',
      'campaign-aam-unmarked',
      'someone-else',
    ]);
    expect(existsSync(join(tmp, 'campaign-aam-review-running', 'after-apply.tfplan'))).toBe(true);
  });
});
