import type { Environment } from '../../config/environment';
import { campaignSettings } from '../../campaign/settings';
import { DESTINATION_ID_PLACEHOLDERS, FIELD_LABELS, INTEGRATION_CODE_LABEL } from '../../campaign/vocabulary';
import type { AamDataSource, AamDestination } from './api-shapes';
import type { AamFacts } from './facts';

/** The outcome of one check: `skip` when there is nothing to check yet (an ID still pending from Adobe). */
export type CheckStatus = 'pass' | 'fail' | 'skip';

export interface CheckResult {
  /** The data source as Campaign's Shared Data Sources screen lists it. */
  readonly dataSource: string;
  /** The check, worded as the passing state in Campaign's words. */
  readonly check: string;
  readonly status: CheckStatus;
  /** What Audience Manager says. */
  readonly detail: string;
  /** What to do, for a failed check. */
  readonly fix?: string;
}

/** Another environment, to tell whether Audience Manager names a destination for it. */
export interface OtherEnvironment {
  readonly name: string;
  readonly label: string;
  readonly sourceFile: string;
}

const LABEL = FIELD_LABELS['shared-data-source'];
/** How many names a message lists before it stops. */
const SHOWN = 8;

const normalized = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
const quoted = (d: AamDataSource) => `"${d.name}" (ID ${d.dataSourceId})`;
const destinationName = (d: AamDestination) => `${d.destinationId} "${d.name}"`;
const listed = (items: readonly string[]) =>
  items.length <= SHOWN ? items.join(', ') : `${items.slice(0, SHOWN).join(', ')} and ${items.length - SHOWN} more`;

/**
 * How Adobe qualifies the names of the two data sources it creates for Campaign, "Adobe Campaign
 * (MID)" and "Adobe Campaign (DeclaredId)", while Campaign's built-in data source says "Adobe Campaign".
 */
const ADOBE_QUALIFIERS = { 'visitor-id': '(mid)', 'declared-id': '(declaredid)' } as const;

/**
 * The data sources a Data Source/Alias names: those whose name or integration code is the alias
 * (ignoring case and spacing) or, failing that, those named `<alias> (…)`; of several such, the one
 * Adobe qualifies for this kind of data source.
 */
export function dataSourcesNamedBy(
  alias: string,
  dataSources: readonly AamDataSource[],
  kind: keyof typeof ADOBE_QUALIFIERS,
): AamDataSource[] {
  const wanted = normalized(alias);
  const exact = dataSources.filter(
    (d) => normalized(d.name) === wanted || normalized(d.integrationCode ?? '') === wanted,
  );
  if (exact.length > 0) return exact;
  const qualified = dataSources.filter((d) => normalized(d.name).startsWith(`${wanted} (`));
  const ofKind = qualified.filter((d) => normalized(d.name) === `${wanted} ${ADOBE_QUALIFIERS[kind]}`);
  return ofKind.length > 0 ? ofKind : qualified;
}

/** Whether `text` holds `word` as a whole word, ignoring case. */
function names(text: string, word: string): boolean {
  const escaped = word.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return escaped !== '' && new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'iu').test(text);
}

/** The other environments a destination's name or description names, when it does not name this one. */
function claimedFor(env: Environment, found: AamDestination, others: readonly OtherEnvironment[]): OtherEnvironment[] {
  const text = `${found.name} ${found.description ?? ''}`;
  if (names(text, env.name) || names(text, env.environment.label)) return [];
  return others.filter((o) => names(text, o.name) || names(text, o.label));
}

/**
 * Every check of one environment file against what Audience Manager says, in the order an
 * administrator reads them: per shared data source, its Data Source/Alias (and a declared ID's
 * integration code), then its AAM Destination ID: that it exists, is active, belongs to the data
 * source the alias names, and is not named for another environment.
 */
export function checkEnvironment(
  env: Environment,
  facts: AamFacts,
  others: readonly OtherEnvironment[],
): CheckResult[] {
  const results: CheckResult[] = [];
  campaignSettings(env).dataSources.forEach((source, index) => {
    const field = (name: string) => `campaign.dataSources[${index}].${name} in ${env.sourceFile}`;
    const add = (check: string, status: CheckStatus, detail: string, fix?: string) =>
      results.push({ dataSource: source.label, check, status, detail, ...(fix === undefined ? {} : { fix }) });

    const named = dataSourcesNamedBy(source.alias, facts.dataSources, source.builtIn ? 'visitor-id' : 'declared-id');
    const aliasCheck = `${LABEL.alias} "${source.alias}" is a data source in Audience Manager`;
    if (named.length > 0) {
      add(aliasCheck, 'pass', `Audience Manager has ${listed(named.map(quoted))}`);
    } else {
      add(
        aliasCheck,
        'fail',
        `Audience Manager has no data source named "${source.alias}" or with that integration code; it has ${listed(facts.dataSources.map(quoted)) || 'none'}`,
        `set ${LABEL.alias} to the data source Adobe named in its reply, on the Shared Data Sources screen and in ${field('alias')}`,
      );
    }

    if (source.integrationCode !== undefined && named.length > 0) {
      const check = `${INTEGRATION_CODE_LABEL} is "${source.integrationCode}"`;
      const codes = [...new Set(named.map((d) => d.integrationCode ?? ''))];
      if (named.some((d) => d.integrationCode === source.integrationCode)) {
        add(check, 'pass', `Audience Manager gives ${listed(named.map(quoted))} that integration code`);
      } else {
        add(
          check,
          'fail',
          `Audience Manager gives ${listed(named.map(quoted))} the integration code ${listed(codes.map((c) => `"${c}"`))}`,
          `set ${field('integrationCode')} to Audience Manager's code: the web pages send the declared ID under it with setCustomerIDs`,
        );
      }
    }

    const id = source.aamDestinationId;
    if (id === undefined) {
      const placeholder = source.servesTriggers
        ? DESTINATION_ID_PLACEHOLDERS.triggers
        : DESTINATION_ID_PLACEHOLDERS.pending;
      add(`${LABEL.aamDestinationId}: ${placeholder}`, 'skip', 'nothing to check');
      return;
    }
    const found = facts.destinations.get(id);
    if (found === undefined) {
      const ofThisSource = (facts.allDestinations ?? []).filter(
        (d) =>
          named.some((n) => n.dataSourceId === d.dataSourceId) ||
          names(`${d.name} ${d.description ?? ''}`, env.environment.label),
      );
      const instead =
        ofThisSource.length > 0
          ? `; destinations that may be meant: ${listed(ofThisSource.map(destinationName))}`
          : `; the org has ${facts.allDestinations?.length ?? 0} destination(s), none of this data source or named "${env.environment.label}"`;
      add(
        `${LABEL.aamDestinationId} ${id} exists in Audience Manager`,
        'fail',
        `Audience Manager has no destination ${id} (404 Not Found)${instead}`,
        `copy the ${LABEL.aamDestinationId} again from Adobe's reply into ${field('aamDestinationId')}, or ask Adobe which destination serves this data source`,
      );
      return;
    }
    add(
      `${LABEL.aamDestinationId} ${id} exists in Audience Manager`,
      'pass',
      `Audience Manager names it "${found.name}"`,
    );

    const active = normalized(found.status) === 'active';
    add(
      `${LABEL.aamDestinationId} ${id} is active`,
      active ? 'pass' : 'fail',
      `Audience Manager says its status is "${found.status}"`,
      active
        ? undefined
        : `ask Adobe to activate destination ${id}, or check it is the ID Adobe sent for this data source`,
    );

    if (named.length > 0) {
      const check = `${LABEL.aamDestinationId} ${id} is a destination of ${LABEL.alias} "${source.alias}"`;
      const owner = facts.dataSources.find((d) => d.dataSourceId === found.dataSourceId);
      if (named.some((d) => d.dataSourceId === found.dataSourceId)) {
        add(check, 'pass', `Audience Manager ties it to ${quoted(owner!)}`);
      } else {
        const ties =
          found.dataSourceId === null || found.dataSourceId === undefined
            ? 'ties it to no data source'
            : `ties it to ${owner === undefined ? `data source ${found.dataSourceId}` : quoted(owner)}`;
        add(
          check,
          'fail',
          `Audience Manager ${ties}, not to ${listed(named.map(quoted))}`,
          `the IDs of two data sources may be swapped: use the ${LABEL.aamDestinationId} Adobe sent for "${source.alias}" in ${field('aamDestinationId')}`,
        );
      }
    }

    const claimants = claimedFor(env, found, others);
    add(
      `${LABEL.aamDestinationId} ${id} is not another environment's`,
      claimants.length === 0 ? 'pass' : 'fail',
      claimants.length === 0
        ? `Audience Manager's name for it names no other environment`
        : `Audience Manager names it "${found.name}", which reads as ${listed(claimants.map((o) => `${o.name}'s (${o.sourceFile})`))}`,
      claimants.length === 0
        ? undefined
        : `use the ${LABEL.aamDestinationId} Adobe sent for ${env.environment.label} in ${field('aamDestinationId')}; if the name is only misleading, ask Adobe to rename the destination`,
    );
  });
  return results;
}
