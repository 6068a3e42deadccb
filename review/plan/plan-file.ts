import { z } from 'zod';
import { formatPath } from '../../config/problems';
import { parseBoundedJson } from '../../runtime/bounded-json';
import { readRegularFile } from '../../runtime/regular-file';
import { ReviewInputError } from '../errors';

/**
 * The parts of Terraform's JSON plan (`terraform show -json <planfile>`) the review reads. Objects
 * are loose: newer Terraform versions add fields, which are ignored.
 */
const change = z.looseObject({
  actions: z.array(z.string()).min(1),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  after_unknown: z.unknown().optional(),
  before_sensitive: z.unknown().optional(),
  after_sensitive: z.unknown().optional(),
  replace_paths: z.array(z.array(z.union([z.string(), z.number()]))).optional(),
  importing: z.looseObject({ id: z.string().optional() }).nullable().optional(),
});

const resourceChange = z.looseObject({
  address: z.string(),
  mode: z.enum(['managed', 'data']).optional(),
  type: z.string(),
  change,
});

const planSchema = z.looseObject({
  format_version: z.string(),
  terraform_version: z.string().optional(),
  resource_changes: z.array(resourceChange).optional(),
  resource_drift: z.array(resourceChange).optional(),
  output_changes: z.record(z.string(), change).optional(),
  relevant_attributes: z
    .array(z.looseObject({ resource: z.string(), attribute: z.array(z.union([z.string(), z.number()])) }))
    .optional(),
  errored: z.boolean().optional(),
  complete: z.boolean().optional(),
});

export type Plan = z.infer<typeof planSchema>;
export type PlanResourceChange = z.infer<typeof resourceChange>;
export type PlanChange = z.infer<typeof change>;

const HOW =
  'produce it with `npm run plan -- <environment> --json-plan <file>` (a new file outside the project, or one git ignores)';

/**
 * A plan of one environment is a few hundred KB and nests about ten levels; the limits keep a
 * hostile or corrupted file to bounded work. Syntax errors never quote the text: a plan holds
 * state, secrets included.
 */
export const PLAN_JSON_LIMITS = { maxBytes: 256 * 1024 * 1024, maxDepth: 128 } as const;

function readPlanBytes(file: string): Buffer {
  // Through a link, as a person names it; never a FIFO or device (an open would block).
  const read = readRegularFile(file, { maxBytes: PLAN_JSON_LIMITS.maxBytes, followLinks: true });
  if (read.ok) return read.bytes;
  switch (read.reason) {
    case 'unreadable':
      throw new ReviewInputError(
        `cannot read plan file ${file}: ${read.code === 'ENOENT' ? 'no such file' : read.code}`,
      );
    case 'too-large':
      throw new ReviewInputError(
        `${file} is ${read.size.toLocaleString('en')} bytes, more than the ${PLAN_JSON_LIMITS.maxBytes.toLocaleString('en')} bytes a plan of one environment may be; ${HOW}`,
      );
    case 'not-regular':
      throw new ReviewInputError(`cannot read plan file ${file}: not a regular file`);
    case 'changed':
      throw new ReviewInputError(`cannot read plan file ${file}: it changed while it was read`);
  }
}

/** Reads one `terraform show -json` plan, or explains precisely why the file is not one. */
export function readPlanFile(file: string): Plan {
  const bytes = readPlanBytes(file);
  if (bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) {
    throw new ReviewInputError(
      `${file} is a binary Terraform plan; give the review its JSON form: \`terraform -chdir=cdktf.out/stacks/<environment> show -json <plan file> > plan.json\``,
    );
  }
  const json = parseBoundedJson(bytes.toString('utf8'), PLAN_JSON_LIMITS);
  if (!json.ok) throw new ReviewInputError(`${file} ${json.problem.message}; ${HOW}`);
  const data = json.value;
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  if ('values' in record && !('resource_changes' in record) && !('planned_values' in record)) {
    throw new ReviewInputError(`${file} is Terraform state, not a plan; ${HOW}`);
  }
  const parsed = planSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${formatPath(i.path) || '(top level)'}: ${i.message}`);
    throw new ReviewInputError(`${file} is not a Terraform JSON plan (${issues.join('; ')}); ${HOW}`);
  }
  return parsed.data;
}
