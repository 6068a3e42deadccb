/**
 * How the Audience Manager check fails before it can judge anything. Both are told by their
 * message alone and end the command with exit code 2: a check that could not run is not a mismatch.
 */

/** The command cannot start: a missing credential variable, or a base URL it refuses to send them to. */
export class AamSetupError extends Error {}

/** Adobe IMS or Audience Manager answered with an error, too slowly, or not at all. */
export class AamApiError extends Error {}
