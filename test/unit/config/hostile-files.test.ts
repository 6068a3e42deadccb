import { execFileSync } from 'node:child_process';
import { readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadEnvironments, parseEnvironmentFile } from '../../../config/load';
import { ConfigError, formatProblem, type ConfigProblem } from '../../../config/problems';
import { validFile } from '../../support/environment';
import { environmentsDir, tempDir } from '../../support/temp';

/** Loads a folder of environment files, expecting a rejection; returns the problem lines. */
async function problemsOf(environments: string, projectDir: string): Promise<string[]> {
  const error = await loadEnvironments({ projectDir, environmentsDir: environments, outputDirs: [] }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).problems.map(formatProblem);
}

function folderWith(extra: (environments: string) => void): { dir: string; environments: string } {
  const dir = tempDir();
  const environments = environmentsDir({ dev: validFile() }, dir);
  extra(environments);
  return { dir, environments };
}

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY';

describe('files in the environments folder are read only as written', () => {
  it('reports a symbolic link by name without following it, even to a valid environment file', async () => {
    const outside = join(tempDir(), 'outside.json');
    writeFileSync(outside, `{"secret": "${SECRET}"}`);
    const p = folderWith((environments) => {
      symlinkSync(outside, join(environments, 'staging.json'));
      symlinkSync(join(environments, 'dev.json'), join(environments, 'copy.json'));
    });
    const problems = await problemsOf(p.environments, p.dir);
    expect(problems).toEqual([
      'environments/copy.json: is a symbolic link; only regular files inside the environments folder are read (a link can point outside the project, a pipe or device can block or never end), so it was not opened: put the file itself here, or move it out [rule: environment-regular-file]',
      'environments/staging.json: is a symbolic link; only regular files inside the environments folder are read (a link can point outside the project, a pipe or device can block or never end), so it was not opened: put the file itself here, or move it out [rule: environment-regular-file]',
    ]);
    expect(problems.join('\n')).not.toContain(SECRET.slice(0, 8));
  });

  it('reports a FIFO without opening it (an open would block)', async () => {
    const p = folderWith((environments) => execFileSync('mkfifo', [join(environments, 'staging.json')]));
    expect(await problemsOf(p.environments, p.dir)).toEqual([
      expect.stringMatching(
        /^environments\/staging\.json: is a FIFO \(named pipe\); .* \[rule: environment-regular-file\]$/,
      ),
    ]);
  });

  it('refuses a file over 1 MiB, saying the limit, and reads one just under it', async () => {
    const big = folderWith((environments) =>
      writeFileSync(join(environments, 'staging.json'), `{"pad": "${'x'.repeat(1024 * 1024)}"}`),
    );
    expect(await problemsOf(big.environments, big.dir)).toEqual([
      'environments/staging.json: is 1,048,587 bytes; an environment file may be at most 1,048,576 bytes (1 MiB), far more than any real one needs, so it was not read [rule: environment-file-size]',
    ]);
    const fits = `{"pad": "${'x'.repeat(1024 * 1024 - 20)}"}`;
    const parsed = await parseEnvironmentFile('environments/staging.json', Buffer.from(fits));
    expect(parsed.ok).toBe(false);
    // Read and validated: the problem is the content, not the size.
    expect((parsed as { problems: ConfigProblem[] }).problems.map((q) => q.rule)).not.toContain(
      'environment-file-size',
    );
  });

  it('never skips a hidden file silently; only the tool files are left alone', async () => {
    const p = folderWith((environments) => {
      writeFileSync(join(environments, '.staging.json'), '{}');
      writeFileSync(join(environments, '.gitkeep'), '');
      writeFileSync(join(environments, '.DS_Store'), 'x');
      writeFileSync(join(environments, '.dev.json.swp'), 'x');
    });
    expect(await problemsOf(p.environments, p.dir)).toEqual([
      expect.stringMatching(
        /^environments\/\.staging\.json = "\.staging\.json": every file here must be an environment named/,
      ),
    ]);
  });

  it('reports a key given twice, which JSON readers would silently resolve to the last', async () => {
    const text = JSON.stringify(validFile(), null, 2).replace(
      '"tier": "development"',
      '"tier": "production", "tier": "development"',
    );
    const parsed = await parseEnvironmentFile('environments/dev.json', Buffer.from(text));
    expect((parsed as { problems: ConfigProblem[] }).problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^environments\/dev\.json: has the key "tier" twice in one object \(at line \d+, column \d+ \(near `.*"tier".*`\)\); JSON readers keep only the last, .* \[rule: json-duplicate-key\]$/,
      ),
    ]);
  });
});

describe('hostile structure gets one clear line, never a crash', () => {
  const parse = async (text: string) => {
    const parsed = await parseEnvironmentFile('environments/dev.json', Buffer.from(text));
    expect(parsed.ok).toBe(false);
    return (parsed as { problems: ConfigProblem[] }).problems.map(formatProblem);
  };

  it('200,000 nested arrays: the nesting limit, at its line and column', async () => {
    expect(await parse(`{"environment": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`)).toEqual([
      'environments/dev.json: nests arrays and objects more than 32 levels deep (at line 1, column 48), more than any valid file does [rule: json-depth]',
    ]);
  });

  it('150,000 nested objects in one synth: the same line, through the loader', async () => {
    const p = folderWith((environments) =>
      writeFileSync(join(environments, 'staging.json'), `${'{"a":'.repeat(150_000)}1${'}'.repeat(150_000)}`),
    );
    expect(await problemsOf(p.environments, p.dir)).toEqual([
      expect.stringMatching(/^environments\/staging\.json: nests arrays and objects more than 32 levels deep/),
    ]);
    expect(readdirSync(p.dir)).toEqual(['environments']);
  });

  it("quotes at most 40 characters of the file's own line in a syntax error", async () => {
    const [line] = await parse(`{"environment": {"label": "${'y'.repeat(200)}" "tier": 1}}`);
    const excerpt = /\(near `([^`]*)`\)/.exec(line)?.[1] ?? '';
    expect(excerpt.replace(/…/g, '').length).toBeLessThanOrEqual(40);
    expect(line).toMatch(
      /^environments\/dev\.json: is not valid JSON at line 1, column 230 \(near `…y+" "tier": 1}}`\): a comma was expected \[rule: json-syntax\]$/,
    );
  });

  it('fuzz: deep, wide, huge, odd-Unicode and truncated inputs end in problems, never an exception', async () => {
    const hostile = fc.oneof(
      fc.integer({ min: 1, max: 5000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
      fc.integer({ min: 1, max: 5000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
      fc.integer({ min: 1, max: 20_000 }).map((n) => `[${'0,'.repeat(n)}0]`),
      fc.string({ unit: 'binary', maxLength: 200 }).map((s) => `{"environment": ${JSON.stringify(s)}}`),
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      fc.nat({ max: JSON.stringify(validFile()).length - 1 }).map((n) => JSON.stringify(validFile()).slice(0, n)),
      fc.jsonValue({ maxDepth: 40 }).map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(hostile, async (text) => {
        const parsed = await parseEnvironmentFile('environments/dev.json', Buffer.from(text));
        expect(parsed.ok).toBe(false);
        for (const problem of (parsed as { problems: ConfigProblem[] }).problems) {
          expect(formatProblem(problem)).not.toMatch(/RangeError|at .*\.(js|ts):\d+/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
