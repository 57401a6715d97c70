/**
 * The CLI's typed errors. Commands throw them; src/cli/main.ts alone turns them into an exit status
 * and one line on stderr (SPEC §4).
 */
export const EXIT = { ok: 0, internal: 1, usage: 2, notFound: 3, cancelled: 130 } as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly code: string,
    readonly suggestions: string[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad flag, bad value, or input needed but not available. Exit 2. */
export class UsageError extends CliError {
  constructor(message: string, code = "usage", suggestions: string[] = []) {
    super(message, EXIT.usage, code, suggestions);
  }
}

/** A lookup that found nothing, or a need not recognised. Exit 3. */
export class NotFoundError extends CliError {
  constructor(message: string, code = "not-found", suggestions: string[] = []) {
    super(message, EXIT.notFound, code, suggestions);
  }
}

/** Invalid data (bundled or overlay). Exit 2: the user gave a bad --data directory. */
export class DataError extends CliError {
  constructor(message: string, code = "bad-data") {
    super(message, EXIT.usage, code);
  }
}

/** The user pressed Ctrl-C. Exit 130. */
export class CancelledError extends CliError {
  constructor() {
    super("Cancelled.", EXIT.cancelled, "cancelled");
  }
}
