import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planJsonFile, planJsonLocationProblem } from '../../../deploy/plan-json-file';
import { PROJECT_DIR, run } from '../../support/run';
import { tempDir } from '../../support/temp';

/** A repository with this project's .gitignore and nothing else committed. */
function repository(): string {
  const dir = tempDir();
  copyFileSync(join(PROJECT_DIR, '.gitignore'), join(dir, '.gitignore'));
  const git = (...args: string[]) => run('git', ['-c', 'commit.gpgsign=false', ...args], { cwd: dir });
  git('init', '--quiet');
  git('add', '.gitignore');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '--quiet', '-m', 'ignore');
  return dir;
}

const status = (dir: string) => run('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: dir }).stdout;

/** The shell recipes of a Markdown file that write a plan. */
const planRecipes = (file: string) =>
  [...readFileSync(join(PROJECT_DIR, file), 'utf8').matchAll(/```sh\n([\s\S]*?)```/g)]
    .map((m) => m[1])
    .filter((recipe) => /\.plan\.json|\.tfplan/.test(recipe));

describe('plan files', () => {
  it('are all ignored by git wherever the commands or the recipes could leave them in the project', () => {
    const dir = repository();
    for (const file of [
      'cdktf.out/stacks/production/plan',
      'production.plan.json',
      'staging.tfplan',
      'plan-review/plan-1-dev.md',
    ]) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), 'state, secrets included');
    }
    expect(status(dir)).toBe('');
  });

  it('as JSON, go outside the project or where git ignores them, never where `git add -A` would take them', () => {
    const dir = repository();
    expect(planJsonLocationProblem(dir, join(dir, 'plan.json'))).toBe(
      'is inside the project and not ignored by git: a plan holds state, secrets included, and `git add -A` would commit it. Write it outside the project (e.g. "$RUNNER_TEMP/<environment>.plan.json" in CI) or name it <something>.plan.json, which .gitignore covers.',
    );
    expect(planJsonLocationProblem(dir, join(dir, 'staging.plan.json'))).toBeUndefined();
    expect(planJsonLocationProblem(dir, join(tempDir(), 'plan.json'))).toBeUndefined();
    expect(() => planJsonFile(dir, 'plan.json', dir)).toThrow(
      '--json-plan plan.json is inside the project and not ignored by git',
    );
  });

  it('as JSON, are readable by their owner only, even written over an earlier one others could read', () => {
    const file = join(tempDir(), 'x.plan.json');
    writeFileSync(file, '{"format_version": "1.2"}', { mode: 0o644 });
    planJsonFile(PROJECT_DIR, file).write('{"format_version": "1.2", "planned": true}');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe('{"format_version": "1.2", "planned": true}');
  });

  it('as JSON, never replace a file that is not an earlier plan JSON', () => {
    const file = join(tempDir(), 'notes.plan.json');
    writeFileSync(file, 'my notes');
    expect(() => planJsonFile(PROJECT_DIR, file)).toThrow(
      `refusing to write the plan JSON to ${file}: it exists and is not a plan JSON written earlier`,
    );
    expect(readFileSync(file, 'utf8')).toBe('my notes');
  });

  it.each(['docs/review.md', 'docs/ci-cd.md'])(
    'are written by the recipes of %s to an owner-only folder outside the project, removed at the end',
    (doc) => {
      const recipes = planRecipes(doc);
      expect(recipes.length).toBeGreaterThan(0);
      for (const recipe of recipes) {
        const written = [...recipe.matchAll(/(?:--json-plan |-out=|> )"?([^"\s]+)/g)].map((m) => m[1]);
        expect(written.length).toBeGreaterThan(0);
        expect(written.filter((path) => !path.startsWith('$plan_dir/'))).toEqual([]);
        expect(recipe).toMatch(/^plan_dir="\$\(mktemp -d\)"/m);
        expect(recipe.trimEnd()).toMatch(/\nrm -rf "\$plan_dir"$/);
      }
    },
  );
});
