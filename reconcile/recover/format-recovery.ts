import { awsCli } from '../lookups/commands';
import { describeKey } from '../lookups/iam';
import type { Environment } from '../../config/environment';
import type { Recovery } from './recovery';

/** What `npm run recover` found, before it asks to import anything. */
export function formatRecovery(env: Environment, stackDir: string, recovery: Recovery): string {
  const lines = [`Recovery of "${env.name}" (stack ${stackDir}). The look-ups are read only.`];
  const { lock } = recovery;
  if (lock !== undefined) {
    const since = lock.created === undefined ? '' : ` since ${lock.created.toISOString()}`;
    lines.push(
      '',
      `A state lock was left behind: ${lock.location}`,
      `  ID ${lock.id}: ${lock.operation ?? 'a run'} by ${lock.who ?? 'unknown'}${since}`,
      lock.blocking
        ? `  It blocks every later plan, deploy and import. If no Terraform run of "${env.name}" is going on now, remove it:`
        : '  Local locks end with their process: this one blocks nothing unless that run is still going on. If Terraform still reports it:',
      `    ${lock.forceUnlock}`,
      '  (recover never unlocks by itself)',
    );
  }

  if (recovery.missing.length === 0) {
    lines.push('', 'Nothing to import: every resource of the stack that exists in AWS is in state.');
  } else {
    lines.push(
      '',
      `In AWS but not in state (${recovery.missing.length}); each would make the next deploy fail or duplicate it:`,
    );
    for (const resource of recovery.missing) lines.push(`  ${resource.address}  ←  ${resource.importId}`);
  }

  if (recovery.keysOutsideState.length > 0) {
    lines.push('', "Access keys that state does not hold (Terraform cannot import a key's secret):");
    for (const { user, key, createdByInterruptedRun } of recovery.keysOutsideState) {
      lines.push(
        `  - ${user}: ${describeKey(key)}: ${
          createdByInterruptedRun
            ? 'created during the interrupted run; nobody has its secret. Delete it'
            : 'if Campaign uses it (a hand-made key), keep it until it is retired; if an interrupted run created it, nobody has its secret: delete it'
        } (IAM allows two keys per user):`,
        `      ${awsCli(env, 'iam', 'delete-access-key', '--user-name', user, '--access-key-id', key.id)}`,
      );
    }
  }

  if (recovery.unreadable.length > 0) {
    lines.push('', 'Could not check (access denied):', ...recovery.unreadable.map((u) => `  - ${u}`));
  }
  return `${lines.join('\n')}\n`;
}
