import { ensurePythonTools } from './python-venv';

/** Once per jest run: the project-local Python tools the emulator tests need. */
export default function globalSetup(): void {
  ensurePythonTools();
}
