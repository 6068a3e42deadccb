import type { Environment } from '../../config/environment';
import { dataSource, destination, type AamDataSource, type AamDestination } from './api-shapes';
import type { AudienceManagerClient } from './client';
import { AamApiError } from './errors';
import { listAll } from './paging';
import type { z } from 'zod';

/** What Audience Manager says about the IDs one environment file holds. */
export interface AamFacts {
  readonly dataSources: readonly AamDataSource[];
  /** By AAM Destination ID; `undefined` when Audience Manager answers 404. */
  readonly destinations: ReadonlyMap<string, AamDestination | undefined>;
  /** Every destination of the org; only read when an ID is missing, to say which ones exist. */
  readonly allDestinations?: readonly AamDestination[];
}

function parseAll<T>(schema: z.ZodType<T>, entries: unknown[], what: string): T[] {
  return entries.map((entry, i) => {
    const parsed = schema.safeParse(entry);
    if (!parsed.success) {
      throw new AamApiError(
        `Audience Manager's ${what} has an entry (#${i + 1}) without the documented fields: ${parsed.error.issues.map((x) => x.path.join('.') || 'entry').join(', ')}`,
      );
    }
    return parsed.data;
  });
}

/**
 * Reads what the checks need, with GET requests only: the org's data sources, each destination the
 * file names, and the list of destinations when one of them does not exist. Lists are read once
 * per org and shared between environments through `cache`.
 */
export async function readFacts(
  client: AudienceManagerClient,
  env: Environment,
  cache: Map<string, Promise<unknown[]>> = new Map(),
): Promise<AamFacts> {
  const imsOrgId = env.organization.imsOrgId;
  const list = (path: string, what: string) => {
    const key = `${imsOrgId} ${path}`;
    if (!cache.has(key)) {
      cache.set(
        key,
        listAll((query) => client.get(path, { imsOrgId, what: `list ${what}`, query }), what),
      );
    }
    return cache.get(key)!;
  };

  const dataSources = parseAll(dataSource, await list('datasources/', 'data sources'), 'data source list');
  const ids = [...new Set(env.campaign.dataSources.flatMap((s) => (s.aamDestinationId ? [s.aamDestinationId] : [])))];
  const destinations = new Map<string, AamDestination | undefined>();
  for (const id of ids) {
    const body = await client.get(`destinations/${id}`, {
      imsOrgId,
      what: `read destination ${id}`,
      notFoundIsAnswer: true,
    });
    destinations.set(id, body === undefined ? undefined : parseAll(destination, [body], `destination ${id}`)[0]);
  }
  const someMissing = [...destinations.values()].some((d) => d === undefined);
  const allDestinations = someMissing
    ? parseAll(destination, await list('destinations', 'destinations'), 'destination list')
    : undefined;
  return { dataSources, destinations, allDestinations };
}
