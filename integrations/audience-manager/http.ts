import { AamApiError } from './errors';
import { VARIABLES } from '../../runtime/environment-variables';

/** An answer read in full: status, headers and body text. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/** How often a 429 Too Many Requests is retried, and the longest `Retry-After` waited for. */
export const RETRIES_ON_TOO_MANY_REQUESTS = 3;
export const LONGEST_RETRY_WAIT_MS = 30_000;
/** When a 429 names no `Retry-After`. */
const DEFAULT_RETRY_WAIT_MS = 1_000;

export interface SendOptions {
  /** `Adobe IMS` or `Audience Manager`, for messages. */
  readonly service: string;
  /** What the request is for, completing "while trying to …". */
  readonly what: string;
  readonly timeoutMs: number;
  /** Values that must never appear in a message (the secret, the token). */
  readonly secrets: readonly string[];
  readonly sleep?: (ms: number) => Promise<void>;
}

/** `text` with every secret replaced, so a message quoting a remote answer cannot leak one. */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets.filter((s) => s.length > 0).reduce((t, s) => t.split(s).join('[redacted]'), text);
}

/** Milliseconds to wait from a `Retry-After` header: delay-seconds or an HTTP date. */
export function retryAfterMs(header: string | null, now = Date.now()): number {
  if (header === null || header.trim() === '') return DEFAULT_RETRY_WAIT_MS;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? DEFAULT_RETRY_WAIT_MS : Math.max(0, date - now);
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends one request and reads the whole answer within `timeoutMs`; honours 429 Too Many Requests
 * by waiting what `Retry-After` asks, a bounded number of times and never longer than
 * LONGEST_RETRY_WAIT_MS. Redirects are refused, so credentials go nowhere else.
 */
export async function send(url: string, init: RequestInit, options: SendOptions): Promise<Answer> {
  const sleep = options.sleep ?? sleepFor;
  const during = `while trying to ${options.what}`;
  for (let retries = 0; ; retries++) {
    let answer: Answer;
    try {
      const response = await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(options.timeoutMs) });
      answer = { status: response.status, headers: response.headers, text: await response.text() };
    } catch (error) {
      const cause = error as Error & { cause?: { code?: string; message?: string } };
      if (cause.name === 'TimeoutError' || cause.name === 'AbortError') {
        throw new AamApiError(
          `${options.service} did not answer within ${options.timeoutMs / 1000} s ${during}; try again later, or allow more time with ${VARIABLES.aam.timeoutSeconds}`,
        );
      }
      const reason = cause.cause?.code ?? cause.cause?.message ?? cause.message;
      throw new AamApiError(
        redact(`could not reach ${options.service} at ${new URL(url).origin} ${during}: ${reason}`, options.secrets),
      );
    }
    if (answer.status !== 429) return answer;
    const wait = retryAfterMs(answer.headers.get('retry-after'));
    if (retries >= RETRIES_ON_TOO_MANY_REQUESTS) {
      throw new AamApiError(
        `${options.service} still answered 429 Too Many Requests after ${retries} retries ${during}; wait a few minutes and run the check again`,
      );
    }
    if (wait > LONGEST_RETRY_WAIT_MS) {
      throw new AamApiError(
        `${options.service} answered 429 Too Many Requests ${during} and asks to wait ${Math.ceil(wait / 1000)} s (Retry-After), longer than the ${LONGEST_RETRY_WAIT_MS / 1000} s this check waits; run it again later`,
      );
    }
    await sleep(wait);
  }
}

/** The answer's JSON, or an AamApiError saying the service answered something else. */
export function json(answer: Answer, options: Pick<SendOptions, 'service' | 'what' | 'secrets'>): unknown {
  try {
    return JSON.parse(answer.text);
  } catch {
    const start = redact(answer.text.slice(0, 80), options.secrets);
    throw new AamApiError(
      `${options.service} answered HTTP ${answer.status} with something other than JSON while trying to ${options.what}: ${JSON.stringify(start)}`,
    );
  }
}

/** The message a JSON error body carries (`message`, `error_description`, `error`), if any. */
export function remoteMessage(answer: Answer, secrets: readonly string[]): string {
  let message = '';
  try {
    const body = JSON.parse(answer.text) as Record<string, unknown>;
    const parts = [body.error, body.error_description, body.message, body.code].filter(
      (p): p is string => typeof p === 'string' && p !== '',
    );
    message = [...new Set(parts)].join(': ');
  } catch {
    message = answer.text.trim().slice(0, 200);
  }
  return redact(message, secrets);
}
