import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildReport, planChanges, type Report } from '../../../review';
import { validFile } from '../../support/environment';
import { environmentsDir, tempDir } from '../../support/temp';

/** One entry of a plan's `resource_changes` (or `resource_drift`), as `terraform show -json` writes it. */
export function resourceChange(
  address: string,
  actions: string[],
  before: unknown,
  after: unknown,
  change: Record<string, unknown> = {},
) {
  const [type, name] = address.replace(/^data\./, '').split('.');
  return {
    address,
    mode: address.startsWith('data.') ? 'data' : 'managed',
    type,
    name,
    provider_name: 'registry.terraform.io/hashicorp/aws',
    change: { actions, before, after, after_unknown: {}, before_sensitive: {}, after_sensitive: {}, ...change },
  };
}

export const plan = (resourceChanges: unknown[], extra: Record<string, unknown> = {}) => ({
  format_version: '1.2',
  terraform_version: '1.11.4',
  resource_changes: resourceChanges,
  ...extra,
});

/** A project with environment `test`, and the plan written to a file in it. */
export function planFile(contents: unknown): { projectDir: string; file: string } {
  const projectDir = tempDir();
  environmentsDir({ test: validFile() }, projectDir);
  const file = join(projectDir, 'plan.json');
  writeFileSync(file, typeof contents === 'string' ? contents : JSON.stringify(contents));
  return { projectDir, file };
}

export function reviewPlan(contents: unknown): Report {
  const { projectDir, file } = planFile(contents);
  return buildReport(planChanges(projectDir, [{ environment: 'test', file }]));
}
