/**
 * Named errors for host misuse of the service layer (STYLE.md point 7). What a function does wrong
 * is never thrown: it comes back as data in invocation results and the run report.
 */

/** A template the simulator cannot (or must not) run. Names the resource and property at fault. */
export class TemplateError extends Error {
  readonly resource: string | undefined;
  readonly property: string | undefined;
  readonly line: number | undefined;
  constructor(message: string, where: { resource?: string; property?: string; line?: number } = {}) {
    const at = [where.resource, where.property].filter((x) => x !== undefined && x !== "").join(".");
    super(at ? `${at}: ${message}` : message);
    this.name = "TemplateError";
    this.resource = where.resource;
    this.property = where.property;
    this.line = where.line;
  }
}

/** A drive file (stimuli) the simulator cannot run. `path` names the entry, e.g. `stimuli[2].invoke`. */
export class DriveError extends Error {
  readonly path: string;
  constructor(path: string, message: string) {
    super(path ? `${path}: ${message}` : message);
    this.name = "DriveError";
    this.path = path;
  }
}

/**
 * An error the Lambda API itself returns to the caller before any function code runs, for a
 * request that is wrong (ResourceNotFoundException 404, RequestEntityTooLargeException 413,
 * InvalidParameterValueException 400, InvalidRequestContentException 400). Throttles (429) are not
 * thrown: they emerge from load and come back as data.
 */
export class LambdaApiError extends Error {
  readonly errorType: string;
  readonly statusCode: number;
  constructor(errorType: string, statusCode: number, message: string) {
    super(message);
    this.name = "LambdaApiError";
    this.errorType = errorType;
    this.statusCode = statusCode;
  }
}

/** Thrown when a disposed service is used. */
export class ServiceStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ServiceStateError";
  }
}
