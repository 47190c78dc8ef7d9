import { z } from 'zod';

export const errorCodes = [
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'OUTSIDE_WORKSPACE',
  'PERMISSION_DENIED',
  'UNSUPPORTED',
  'TOO_LARGE',
  'CONFLICT',
  'CANCELLED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** The only error shape that crosses a process boundary: no stacks, no internals. */
export const latheErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.unknown().optional(),
});

export type LatheErrorData = z.infer<typeof latheErrorSchema>;

/** Thrown by services; the router turns it into LatheErrorData for the caller. */
export class LatheError extends Error {
  override readonly name = 'LatheError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  toData(): LatheErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isLatheError(value: unknown): value is LatheErrorData {
  return latheErrorSchema.safeParse(value).success;
}

/** Normalizes anything a call rejected with into LatheErrorData. */
export function toLatheErrorData(value: unknown): LatheErrorData {
  if (value instanceof LatheError) return value.toData();
  const parsed = latheErrorSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const message = value instanceof Error ? value.message : 'The call failed';
  return { code: 'UNAVAILABLE', message };
}
