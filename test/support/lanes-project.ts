import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchmarkEnvironment } from '../../bench/environments';
import { PROMOTION_FILE } from '../../config/environment-files';
import { PROJECT_DIR } from './run';
import { tempDir } from './temp';

/** An environment of the fixtures: which benchmark environment (its tier and names), of which brand. */
type Fixture = readonly [index: number, brand: number];

/** Two brands, each with its own dev → staging → production. */
export const TWO_BRANDS: Record<string, Fixture> = {
  'brand-a-dev': [0, 0],
  'brand-a-staging': [1, 0],
  'brand-a-production': [2, 0],
  'brand-b-dev': [3, 1],
  'brand-b-staging': [4, 1],
  'brand-b-production': [5, 1],
};

export const TWO_BRAND_LANES = {
  'brand-a': ['brand-a-dev', 'brand-a-staging', 'brand-a-production'],
  'brand-b': ['brand-b-dev', 'brand-b-staging', 'brand-b-production'],
};

/** One staging fanning out into two regional productions. */
export const FAN_OUT: Record<string, Fixture> = {
  dev: [0, 0],
  staging: [1, 0],
  'production-eu': [2, 0],
  'production-us': [5, 0],
};

export const FAN_OUT_LANES = { eu: ['dev', 'staging', 'production-eu'], us: ['staging', 'production-us'] };

/** The benchmark's environment `index` (its own names and tier) with the shared settings of `brand`. */
function brandEnvironment([index, brand]: Fixture): Record<string, any> {
  const own = benchmarkEnvironment(index) as Record<string, any>;
  const shared = benchmarkEnvironment(brand * 3) as Record<string, any>;
  own.organization = shared.organization;
  own.request = shared.request;
  own.aws.tags = shared.aws.tags;
  own.campaign.dataSources[1].label = shared.campaign.dataSources[1].label;
  return own;
}

/**
 * A scratch project with one valid, distinct environment file per name, whose shared settings
 * agree within a brand, and, unless `promotion` is undefined, the promotion file.
 */
export function lanesProject(environments: Record<string, Fixture>, promotion?: Record<string, unknown>): string {
  const project = tempDir('campaign-aam-lanes-');
  const dir = join(project, 'environments');
  mkdirSync(dir);
  for (const [name, fixture] of Object.entries(environments)) {
    writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(brandEnvironment(fixture), null, 2)}\n`);
  }
  if (promotion !== undefined) {
    writeFileSync(join(dir, PROMOTION_FILE), `${JSON.stringify(promotion, null, 2)}\n`);
  }
  copyFileSync(join(PROJECT_DIR, '.prettierrc.json'), join(project, '.prettierrc.json'));
  return project;
}
