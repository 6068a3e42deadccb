import { page } from './api-shapes';
import { AamApiError } from './errors';

/** Entries asked for per page. */
export const PAGE_SIZE = 200;
/** A bound on pages, so a server that never reports the end cannot keep the check running. */
const MOST_PAGES = 500;

/**
 * Every entry of a list, page by page (`page` from 0, `pageSize`), in both shapes Audience Manager
 * documents: an object `{ total, page, pageSize, list }` when paging is honoured, a bare array
 * holding the whole list when it is not.
 */
export async function listAll(
  fetchPage: (query: { page: number; pageSize: number }) => Promise<unknown>,
  what: string,
): Promise<unknown[]> {
  const entries: unknown[] = [];
  for (let index = 0; index < MOST_PAGES; index++) {
    const body = await fetchPage({ page: index, pageSize: PAGE_SIZE });
    if (Array.isArray(body)) {
      if (index === 0) return body;
      throw new AamApiError(`Audience Manager stopped paging halfway through ${what} (page ${index} is a bare array)`);
    }
    const parsed = page.safeParse(body);
    if (!parsed.success || parsed.data.page !== index) {
      throw new AamApiError(
        `Audience Manager answered page ${index} of ${what} in neither documented shape (a bare array, or { total, page, pageSize, list } for that page)`,
      );
    }
    entries.push(...parsed.data.list);
    if (parsed.data.list.length === 0 || entries.length >= parsed.data.total) return entries;
  }
  throw new AamApiError(
    `${what} runs past ${MOST_PAGES} pages of ${PAGE_SIZE}; Audience Manager never reported its end`,
  );
}
