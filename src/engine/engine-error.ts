/** Errors the engine raises for input it cannot use; the CLI maps them to exit statuses. */
export type EngineErrorCode =
  | "unknown-country"
  | "ambiguous-country"
  | "unknown-place"
  | "unknown-city"
  | "unknown-org"
  | "unknown-office-type"
  | "unknown-need"
  | "empty-input";

export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    readonly suggestions: string[] = [],
  ) {
    super(message);
    this.name = "EngineError";
  }
}
