import { failureFromStatus } from '../http-failure';
import { ProviderError } from '../provider';

/** Reads an API key by its secret name; the value never leaves main. */
export interface SecretReader {
  get(name: string): Promise<string | undefined>;
}

/** Classifies an error thrown while a response streams that the SDK did not classify itself. */
function streamFailure(label: string, error: unknown): ProviderError {
  if (error instanceof SyntaxError) return new ProviderError('malformed-response', `${label} sent a stream that could not be read`, { retryable: true });
  const code = (error as { code?: unknown; cause?: { code?: unknown } }).code ?? (error as { cause?: { code?: unknown } }).cause?.code;
  if (error instanceof TypeError || typeof code === 'string') {
    return new ProviderError('connection', `The connection to ${label} broke while the answer streamed`, { retryable: true });
  }
  return new ProviderError('malformed-response', `${label} sent an answer that could not be read`, { retryable: true });
}

type ErrorClass<E extends Error = Error> = abstract new (...args: never[]) => E;

/** The error classes the OpenAI and Anthropic SDKs both export (they are generated from one template). */
export interface SdkErrors {
  APIUserAbortError: ErrorClass;
  APIConnectionTimeoutError: ErrorClass;
  APIConnectionError: ErrorClass;
  APIError: ErrorClass<Error & { status: number | undefined; headers: Headers | undefined }>;
}

/** Turns what an SDK threw into a ProviderError the orchestrator can retry or fall back on; a cancel passes through. */
export function sdkFailure(sdk: SdkErrors, label: string, baseUrl: string, error: unknown): unknown {
  if (error instanceof ProviderError || error instanceof sdk.APIUserAbortError) return error;
  if (error instanceof sdk.APIConnectionTimeoutError) return new ProviderError('timeout', `${label} did not answer in time`, { retryable: true });
  if (error instanceof sdk.APIConnectionError) return new ProviderError('connection', `Could not reach ${label} at ${baseUrl}`, { retryable: true });
  if (error instanceof sdk.APIError) {
    if (error.status !== undefined) return failureFromStatus(label, error.status, error.message, error.headers);
    return new ProviderError('server-error', `${label} reported an error in its stream: ${error.message.slice(0, 300)}`, { retryable: true });
  }
  return streamFailure(label, error);
}
