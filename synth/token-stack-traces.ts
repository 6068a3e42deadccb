import * as stackTrace from 'cdktf/lib/tokens/private/stack-trace';

/**
 * cdktf 0.21 records a full stack trace for every token it creates (tens per resource), only to
 * quote it should that token later fail to resolve: about a fifth of synth time. It has no
 * option to turn this off (its `stackTraces: false` app setting covers annotations only), but
 * every caller looks the function up on the module at call time, so replacing it there skips the
 * capture. Resolution errors still name the token and its construct; they lose only the trace.
 * cdktf is pinned at its final release (0.21.0), so this private module will not move.
 */
export function skipTokenStackTraces(): void {
  (stackTrace as { captureStackTrace: (below?: unknown) => string[] }).captureStackTrace = () => [];
}
