import { ProviderError } from '../provider';

/** Reads an API key by its secret name; the value never leaves main. */
export interface SecretReader {
  get(name: string): Promise<string | undefined>;
}

/** Classifies an error thrown while a response streams that the SDK did not classify itself. */
export function streamFailure(label: string, error: unknown): ProviderError {
  if (error instanceof SyntaxError) return new ProviderError('malformed-response', `${label} sent a stream that could not be read`, { retryable: true });
  const code = (error as { code?: unknown; cause?: { code?: unknown } }).code ?? (error as { cause?: { code?: unknown } }).cause?.code;
  if (error instanceof TypeError || typeof code === 'string') {
    return new ProviderError('connection', `The connection to ${label} broke while the answer streamed`, { retryable: true });
  }
  return new ProviderError('malformed-response', `${label} sent an answer that could not be read`, { retryable: true });
}
