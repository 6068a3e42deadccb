import { TerraformStack } from 'cdktf';
import { type InstalledCore, installedCore, keepCoreBehaviour } from './installed-core';

/**
 * A stack's `prepareStack()` without the core's preparing resolve. That pass resolves every
 * element of the stack once more before synthesis and keeps nothing from it but cross-stack
 * references (it wires them up) and, on cdktn 0.24, the functions and provider features used,
 * which only validations read. An environment stack never refers to another one (each is built
 * from its own file, by props-only constructs) and synth skips validations, so skipping the pass
 * saves a third of synth time and changes nothing in the output. The backend is still ensured.
 * On any other core the whole pass runs, with a notice.
 */
export function prepareWithoutResolving(stack: TerraformStack, core: InstalledCore = installedCore()): void {
  if (core.known === undefined) {
    keepCoreBehaviour('preparing pass', core, 'what its preparing pass keeps is not known');
    TerraformStack.prototype.prepareStack.call(stack);
    return;
  }
  stack.ensureBackendExists();
}
