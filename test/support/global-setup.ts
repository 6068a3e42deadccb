import { execFileSync } from 'node:child_process';
import { ensurePythonTools, REQUIREMENTS } from '../../emulator/python-venv';
import { PROJECT_DIR } from './run';

/**
 * Once per jest run, before any test file of the integration or e2e project: the project-local
 * Python tools (moto, checkov), and the compiled app. The npm scripts the tests run build `dist/`
 * first; once it is current that build writes nothing, so test files running side by side never
 * read a half-written file.
 */
export default function globalSetup(): void {
  // Jest calls it once per project (integration and e2e): the second call has nothing to do.
  if (process.env.CAMPAIGN_AAM_TEST_SETUP_DONE === '1') return;
  process.env.CAMPAIGN_AAM_TEST_SETUP_DONE = '1';
  ensurePythonTools(REQUIREMENTS.test, { onInstall: (message) => console.log(message) });
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: PROJECT_DIR, stdio: 'inherit' });
}
