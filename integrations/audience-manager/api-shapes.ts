import { z } from 'zod';

/**
 * What Adobe documents its answers to hold, as far as the check reads them. Objects are loose:
 * Audience Manager sends many more fields (`pid`, `crUID`, …) and may add some at any time.
 */

/** `POST /ims/token/v3` with `grant_type=client_credentials`. */
export const imsTokenResponse = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().regex(/^bearer$/i),
  expires_in: z.number().positive(),
});

/** `GET /v1/destinations/{destinationId}`; the list (`GET /v1/destinations`) holds fewer fields of each. */
export const destination = z.looseObject({
  destinationId: z.number().int(),
  name: z.string(),
  description: z.string().nullish(),
  status: z.string(),
  destinationType: z.string().nullish(),
  dataSourceId: z.number().int().nullish(),
});
export type AamDestination = z.infer<typeof destination>;

/** One entry of `GET /v1/datasources/`. */
export const dataSource = z.looseObject({
  dataSourceId: z.number().int(),
  name: z.string(),
  integrationCode: z.string().nullish(),
  status: z.string().nullish(),
});
export type AamDataSource = z.infer<typeof dataSource>;

/** A list asked for with `page` and `pageSize` (pages count from 0); without them, a bare array. */
export const page = z.looseObject({
  total: z.number().int().min(0),
  page: z.number().int().min(0),
  pageSize: z.number().int().positive(),
  list: z.array(z.unknown()),
});
