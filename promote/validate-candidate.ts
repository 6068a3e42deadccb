import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { PROMOTION_FILE } from '../config/environment-files';
import { createTemporaryFolder, removeTemporaryFolder } from '../runtime/temporary-folders';
import { ConfigError, type ConfigProblem } from '../config/problems';
import { synthesize } from '../synth/synthesize';

/**
 * Runs everything `cdktf synth` checks (every file's schema and rules, the rules across files and
 * the policy rules on the synthesized stacks) on the environment files as they would be with
 * `file` holding `text`, in a scratch folder. Returns the problems, named after the real files;
 * nothing in the project is touched.
 */
export async function validateCandidate(
  environmentsDir: string,
  cwd: string,
  file: string,
  text: string,
): Promise<ConfigProblem[]> {
  const scratchFolder = createTemporaryFolder('promote');
  const scratch = scratchFolder.root;
  try {
    const candidates = join(scratch, 'environments');
    mkdirSync(candidates);
    for (const name of readdirSync(environmentsDir)) {
      if (!name.endsWith('.json') || name === PROMOTION_FILE) continue;
      const contents = name === basename(file) ? text : readFileSync(join(environmentsDir, name), 'utf8');
      writeFileSync(join(candidates, name), contents);
    }
    await synthesize({ environmentsDir: candidates, outdir: join(scratch, 'cdktf.out'), projectDir: scratch });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.problems.map((p) => ({ ...p, file: relative(cwd, join(environmentsDir, basename(p.file))) }));
    }
    return [
      {
        file: relative(cwd, file),
        path: '',
        rule: 'synth',
        message: `synth would fail: ${error instanceof Error ? error.message : String(error)}`,
      },
    ];
  } finally {
    removeTemporaryFolder(scratchFolder);
  }
}
