/**
 * Errors raised by the Word double, shaped like OfficeExtension.Error: name "RichApi.Error",
 * a string `code` from OfficeExtension.ErrorCodes / Word.ErrorCodes, and `debugInfo`.
 */

export const ErrorCodes = {
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  generalException: "GeneralException",
  invalidArgument: "InvalidArgument",
  invalidObjectPath: "InvalidObjectPath",
  invalidRequestContext: "InvalidRequestContext",
  itemNotFound: "ItemNotFound",
  notAllowed: "NotAllowed",
  notImplemented: "NotImplemented",
  propertyNotLoaded: "PropertyNotLoaded",
  runMustReturnPromise: "RunMustReturnPromise",
  valueNotLoaded: "ValueNotLoaded",
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

export interface DebugInfoDouble {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
}

/** Structurally an OfficeExtension.Error (minus `innerError`, which is always null here). */
export class OfficeExtensionErrorDouble extends Error {
  override readonly name = "RichApi.Error";
  readonly code: ErrorCode;
  readonly debugInfo: DebugInfoDouble;
  readonly traceMessages: string[] = [];
  readonly innerError: null = null;

  constructor(code: ErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

export function propertyNotLoaded(property: string, location: string): OfficeExtensionErrorDouble {
  return new OfficeExtensionErrorDouble(
    ErrorCodes.propertyNotLoaded,
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    location,
  );
}

export function valueNotLoaded(): OfficeExtensionErrorDouble {
  return new OfficeExtensionErrorDouble(
    ErrorCodes.valueNotLoaded,
    `The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.`,
    "ClientResult.value",
  );
}

export function itemNotFound(location: string, detail?: string): OfficeExtensionErrorDouble {
  return new OfficeExtensionErrorDouble(
    ErrorCodes.itemNotFound,
    `The requested resource doesn't exist.${detail ? ` (${detail})` : ""}`,
    location,
  );
}

export function invalidArgument(location: string, detail?: string): OfficeExtensionErrorDouble {
  return new OfficeExtensionErrorDouble(
    ErrorCodes.invalidArgument,
    `The argument is invalid or missing or has an incorrect format.${detail ? ` (${detail})` : ""}`,
    location,
  );
}

export function apiNotFound(location: string, set: string): OfficeExtensionErrorDouble {
  return new OfficeExtensionErrorDouble(
    ErrorCodes.apiNotFound,
    `The API you are trying to use could not be found. It may be available in a newer version of Word. (${location} needs ${set})`,
    location,
  );
}

export function notImplemented(location: string, detail: string): OfficeExtensionErrorDouble {
  return new OfficeExtensionErrorDouble(
    ErrorCodes.notImplemented,
    `Not emulated by the Word double: ${detail}`,
    location,
  );
}

export function invalidRequestContext(location: string): OfficeExtensionErrorDouble {
  return new OfficeExtensionErrorDouble(
    ErrorCodes.invalidRequestContext,
    "Cannot use the object across different request contexts.",
    location,
  );
}

export function runMustReturnPromise(): OfficeExtensionErrorDouble {
  return new OfficeExtensionErrorDouble(
    ErrorCodes.runMustReturnPromise,
    `The batch function passed to the ".run" method didn't return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".`,
    "Word.run",
  );
}

export function accessDenied(detail: string, location = "Word edit"): OfficeExtensionErrorDouble {
  return new OfficeExtensionErrorDouble(
    ErrorCodes.accessDenied,
    `You cannot perform the requested operation. (${detail})`,
    location,
  );
}

export function generalException(location: string, detail: string): OfficeExtensionErrorDouble {
  return new OfficeExtensionErrorDouble(
    ErrorCodes.generalException,
    `An internal error has occurred. (${detail})`,
    location,
  );
}

/** Word on the web refusing an action it does not support there (office-js #6746, #6865). */
export function notAllowed(location: string): OfficeExtensionErrorDouble {
  return new OfficeExtensionErrorDouble(
    ErrorCodes.notAllowed,
    "The action isn't supported by Word in a browser. Check the OfficeExtension.Error.debugInfo for more information.",
    location,
  );
}
