import { ensurePythonTools, REQUIREMENTS } from '../../emulator/python-venv';

/** Once per jest run: the project-local Python tools the emulator tests and checkov need. */
export default function globalSetup(): void {
  ensurePythonTools(REQUIREMENTS.test, { onInstall: (message) => console.log(message) });
}
