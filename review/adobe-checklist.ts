import { DECRYPT_SECRET, OUTPUTS, outputCommand } from '../campaign/output-names';
import { secretCommand } from '../campaign/secret-commands';
import {
  DATA_SOURCE_ACTIONS,
  DESTINATION_ID_PLACEHOLDERS,
  EXTERNAL_ACCOUNT_TYPE,
  FIELD_LABELS,
  NOT_ON_SCREEN,
  RECORD_NAME_FIELDS,
  REQUEST_FIELDS_ADOBE_PROVISIONS,
  SETTING_PLACES,
  TEST_CONNECTION,
} from '../campaign/vocabulary';
import { HANDOFF } from '../runtime/project-paths';
import type { CampaignChange, CampaignFieldChange, FieldValue } from './campaign-changes';
import { code } from './format';
import { Hidden, type EnvironmentChanges } from './model';

/** What the Campaign administrator (and whoever talks to Adobe) must do by hand for one environment. */
export interface AdobeSide {
  /** One step per record, in Markdown: screen, record, field, value. */
  readonly steps: readonly string[];
  readonly provisioningRequest: {
    readonly needed: boolean;
    /** Why a new request is needed, in Markdown. */
    readonly reasons: readonly string[];
    /** The regenerated request, relative to the project. */
    readonly document: string;
  };
}

const bold = (text: string) => `**${text}**`;
const valueOf = (value: FieldValue | undefined) =>
  value === undefined || value instanceof Hidden ? '_(set at deploy)_' : value === '' ? '_(empty)_' : code(value);

/** `**Field** to `value``, for the fields an administrator types (the record's own name is said already). */
const settings = (c: CampaignChange, fields: readonly CampaignFieldChange[]) =>
  fields
    .filter((f) => !NOT_ON_SCREEN.has(f.field) && !(c.action === 'create' && f.field === RECORD_NAME_FIELDS[c.kind]))
    .map((f) => `${bold(f.label)} to ${valueOf(f.after)}`);

/** The outputs the stack will have, by name: which secret output exists depends on the PGP key. */
const outputsAfter = (env: EnvironmentChanges) =>
  new Set(
    env.changes
      .filter((c) => c.kind === 'output' && c.after !== undefined)
      .map((c) => c.address.slice('output.'.length)),
  );

/** How to enter the key of `slot`: its ID and its secret, from the deploy outputs. */
function keySteps(env: EnvironmentChanges, slot: string): string {
  const outputs = outputsAfter(env);
  const id = `${bold(FIELD_LABELS['external-account'].accessKeyId)} to the output of ${code(outputCommand(env.stackDir, OUTPUTS.activeAccessKeyId))}`;
  const secretLabel = bold(FIELD_LABELS['external-account'].secretAccessKey);
  const secret = outputs.has(OUTPUTS.encryptedSecretAccessKey(slot))
    ? `${secretLabel} to ${code(`${outputCommand(env.stackDir, OUTPUTS.encryptedSecretAccessKey(slot))} | ${DECRYPT_SECRET}`)}`
    : `${secretLabel} to the output of ${code(outputCommand(env.stackDir, OUTPUTS.secretAccessKey(slot)))} (sensitive: paste it, never post it)`;
  return `${id} and ${secret}`;
}

/** How to enter Adobe's key: the ID Adobe sent, the secret from where `npm run secret` stored it. */
function adobeKeySteps(env: EnvironmentChanges, c: CampaignChange): string | undefined {
  const { accessKeyId, secretName } = c.after;
  if (typeof accessKeyId !== 'string' || typeof secretName !== 'string') return undefined;
  const labels = FIELD_LABELS['external-account'];
  return `${bold(labels.accessKeyId)} to ${code(accessKeyId)} and ${bold(labels.secretAccessKey)} to Adobe's secret kept in ${code(secretName)} (stored with ${code(secretCommand.set(env.name))}; paste it, never post it)`;
}

const KEY_FIELDS = new Set(['accessKeyId', 'keySlot']);

function externalAccountStep(env: EnvironmentChanges, c: CampaignChange): string {
  const place = bold(SETTING_PLACES['external-account']);
  const name = bold(c.record ?? '');
  const slot = c.after.keySlot;
  const key = typeof slot === 'string' ? keySteps(env, slot) : adobeKeySteps(env, c);
  const test = `, then click ${bold(TEST_CONNECTION)}`;
  if (c.action === 'delete') return `In ${place}, delete or disable ${name}: this environment no longer declares it.`;
  const set = settings(
    c,
    c.fields.filter((f) => !KEY_FIELDS.has(f.field)),
  );
  if (c.action === 'create') {
    const type = `${bold(FIELD_LABELS['external-account'].type)} to ${code(EXTERNAL_ACCOUNT_TYPE)}`;
    return `In ${place}, create ${name} and set ${[type, ...set, ...(key === undefined ? [] : [key])].join(', ')}${test}.`;
  }
  const keyChanged = c.fields.some((f) => KEY_FIELDS.has(f.field));
  const all = [...set, ...(keyChanged && key !== undefined ? [key] : [])];
  return `In ${place}, open ${name} and set ${all.join(', ')}${test}.`;
}

const isBuiltIn = (c: CampaignChange) => (c.after.action ?? c.before.action) === DATA_SOURCE_ACTIONS.builtIn;

function dataSourceStep(c: CampaignChange): string {
  const place = bold(SETTING_PLACES['shared-data-source']);
  const name = bold(c.record ?? '');
  const labels = FIELD_LABELS['shared-data-source'];
  // The built-in data source keeps its label and its reconciliation criterion.
  const builtInKeeps = new Set(isBuiltIn(c) && c.action === 'create' ? ['label', 'reconciliation'] : []);
  const set = (fields: readonly CampaignFieldChange[]) =>
    settings(
      c,
      fields.filter((f) => !builtInKeeps.has(f.field)),
    ).join(', ');
  if (c.action === 'delete') {
    return isBuiltIn(c)
      ? `In ${place}, open ${name} and clear ${bold(labels.aamDestinationId)} (this data source exists out of the box and stays).`
      : `In ${place}, delete ${name}: this environment no longer declares it.`;
  }
  if (c.action === 'create' && !isBuiltIn(c)) return `In ${place}, create ${name} and set ${set(c.fields)}.`;
  return `In ${place}, open ${name} and set ${set(c.fields)}.`;
}

function visitorIdStep(c: CampaignChange): string {
  const place = SETTING_PLACES['visitor-id-service'];
  if (c.action === 'delete') return `Check ${place}: this environment no longer declares the Visitor ID service.`;
  return `Update ${place}: ${c.fields.map((f) => `${code(f.label)} to ${valueOf(f.after)}`).join(', ')}.`;
}

function requestReasons(env: EnvironmentChanges, campaign: readonly CampaignChange[]): string[] {
  if (env.presence === 'added') return ['a new environment'];
  if (env.presence === 'removed') return [];
  const reasons: string[] = [];
  for (const c of campaign) {
    if (c.kind === 'provisioning-request') {
      if (c.action === 'create') reasons.push('the provisioning request is new');
      const provisioned = c.fields.filter((f) =>
        (REQUEST_FIELDS_ADOBE_PROVISIONS as readonly string[]).includes(f.field),
      );
      if (c.action === 'update' && provisioned.length > 0) {
        reasons.push(`${provisioned.map((f) => bold(f.label)).join(', ')} changed`);
      }
    }
    if (
      c.kind === 'shared-data-source' &&
      (c.action === 'create' || c.fields.some((f) => f.field === 'aamDestinationId')) &&
      c.after.aamDestinationId === DESTINATION_ID_PLACEHOLDERS.pending
    ) {
      reasons.push(`shared data source *${c.record ?? ''}* needs an AAM Destination ID from Adobe`);
    }
  }
  return reasons;
}

/**
 * The Adobe-side checklist: Campaign has no public API for external accounts or shared data
 * sources, so each changed record becomes a step naming the screen, the record, the fields and
 * their values; and whether Adobe needs a new provisioning request.
 */
export function adobeSide(env: EnvironmentChanges, campaign: readonly CampaignChange[]): AdobeSide {
  const steps = campaign.flatMap((c) => {
    switch (c.kind) {
      case 'external-account':
        return [externalAccountStep(env, c)];
      case 'shared-data-source':
        return [dataSourceStep(c)];
      case 'visitor-id-service':
        return [visitorIdStep(c)];
      case 'provisioning-request':
        return [];
    }
  });
  const reasons = requestReasons(env, campaign);
  return {
    steps,
    provisioningRequest: {
      needed: reasons.length > 0,
      reasons,
      document: `${env.stackDir}/${HANDOFF.folder}/${HANDOFF.email}`,
    },
  };
}
