import { type InstalledCore, installedCore, keepCoreBehaviour, privateModule } from './installed-core';

/**
 * The function each known core calls to record a stack trace for every token (and, on cdktn,
 * every resource) it creates: cdktf 0.21 calls `captureStackTrace`, cdktn 0.24 the
 * `captureCreationStack` wrapper. Every caller looks it up on the module at call time.
 */
const CAPTURE = { 'cdktf-0.21': 'captureStackTrace', 'cdktn-0.24': 'captureCreationStack' } as const;

/**
 * The cores record a full stack trace for every token they create (tens per resource), only to
 * quote it should that token later fail to resolve: about a fifth of synth time. cdktf 0.21 has no
 * option to turn this off (its `stackTraces: false` app setting covers annotations only; cdktn's
 * `CDKTN_DISABLE_CREATION_STACK` variable would reach every child process too), so the function is
 * replaced on its module. Resolution errors still name the token and its construct; they lose
 * only the trace. On any other core, the traces are recorded as usual, with a notice.
 */
export function skipTokenStackTraces(core: InstalledCore = installedCore()): void {
  const name = core.known === undefined ? undefined : CAPTURE[core.known];
  const module = name === undefined ? undefined : privateModule('cdktf/lib/tokens/private/stack-trace');
  if (name === undefined || typeof module?.[name] !== 'function') {
    keepCoreBehaviour('token stack traces', core, 'skipping them is not known to work');
    return;
  }
  module[name] = () => [];
}
