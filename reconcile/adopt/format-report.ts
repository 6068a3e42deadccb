import type { Finding } from './assessment';
import type { AdoptionReport } from './adoption-report';
import { awsCli } from '../lookups/commands';
import { sectionJson } from './suggested-section';

const OUTCOME_WORDS: Record<Finding['outcome'], string> = {
  managed: 'in state ',
  import: 'import   ',
  create: 'create   ',
  overwrite: 'overwrite',
  blocked: 'FAILS    ',
  unknown: 'UNKNOWN  ',
};

function finding(f: Finding): string[] {
  const head = `  ${OUTCOME_WORDS[f.outcome]} ${f.label}`;
  const note =
    f.outcome === 'import' && f.changes.length === 0
      ? [`${head} (no changes)`]
      : f.outcome === 'overwrite'
        ? [`${head} (exists, not imported: the apply writes the stack's setting over it)`]
        : [head];
  return [
    ...note,
    ...f.changes.map((c) => `              ~ ${c}`),
    ...(f.problem === undefined ? [] : [`              ! ${f.problem}`]),
  ];
}

const numbered = (lines: readonly string[]) => lines.map((line, i) => `  ${i + 1}. ${line}`);

function keyRetirement(report: AdoptionReport): string[] {
  const keys = report.handMadeKeys;
  if (keys === undefined) return [];
  const { env } = report;
  return [
    '',
    `Retiring the hand-made access key${keys.keys.length === 1 ? '' : 's'} of ${keys.user} (Terraform cannot import a secret; the stack issues its own key):`,
    ...numbered([
      `Deploy: \`npm run deploy -- ${env.name}\` imports the adopted resources and issues the stack's key in slot "${env.accessKey.activeSlot}".`,
      `Enter the new key in both Campaign external accounts (handoff/campaign-setup.md, step 1), then check it: \`npm run verify -- ${env.name}\`.`,
      ...keys.keys.map(
        (key) =>
          `Deactivate ${key.id} and check that Campaign's imports and exports still run: \`${awsCli(env, 'iam', 'update-access-key', '--user-name', keys.user, '--access-key-id', key.id, '--status', 'Inactive')}\``,
      ),
      ...keys.keys.map(
        (key) =>
          `Delete it: \`${awsCli(env, 'iam', 'delete-access-key', '--user-name', keys.user, '--access-key-id', key.id)}\``,
      ),
    ]),
  ];
}

/** The report as printed by `npm run adopt`. */
export function formatAdoptionReport(report: AdoptionReport): string {
  const { env } = report;
  const lines = [
    `Adoption report for "${env.name}" (${env.sourceFile}) in AWS account ${report.accountId}. Read only: nothing was changed.`,
    report.stateRead
      ? "Resources already in the stack's state count as deployed."
      : 'The stack is not initialized here, so its state was not read: nothing counts as deployed yet.',
  ];

  if (report.current.problems.length > 0) {
    lines.push(
      '',
      `With the file as it is, the first plan or apply would fail:`,
      ...report.current.problems.map((p) => `  - ${p}`),
    );
  }

  if (report.suggestionDiffers) {
    lines.push(
      '',
      `Suggested adopt section for ${env.sourceFile} (replace any "adopt" there with it):`,
      '',
      sectionJson(report.suggestion),
      '',
      'With it, the first plan would:',
    );
  } else {
    lines.push('', `The adopt section of ${env.sourceFile} matches what exists. The first plan would:`);
  }
  lines.push(...report.proposed.findings.flatMap(finding));

  if (report.suggestionDiffers && report.proposed.problems.length > 0) {
    lines.push('', 'Still failing with it:', ...report.proposed.problems.map((p) => `  - ${p}`));
  }

  if (report.userCandidates.length > 1) {
    lines.push(
      '',
      `Several users have policies that name the bucket (${report.userCandidates.join(', ')}): set "iamUser" to the one Campaign uses.`,
    );
  }

  if (report.leftovers.length > 0) {
    lines.push('', 'Left over from the hand-made set-up (the stack will not manage these; decide on each):');
    for (const leftover of report.leftovers) {
      lines.push(`  - ${leftover.subject}: ${leftover.detail}`);
      if (leftover.command !== undefined) lines.push(`      remove: ${leftover.command}`);
    }
  }

  lines.push(...keyRetirement(report));

  if (report.unreadable.length > 0) {
    lines.push(
      '',
      'Could not read (the report may miss something there):',
      ...report.unreadable.map((u) => `  - ${u}`),
    );
  }
  return `${lines.join('\n')}\n`;
}
