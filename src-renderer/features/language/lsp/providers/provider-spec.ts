import type { IDisposable } from 'monaco-editor';
import type { LanguageFeatures } from '../../../../../src-shared/contract';
import type { Monaco } from '../../../editor';

/** One Monaco provider, registered for a language while its running server offers the feature. */
export interface ProviderSpec {
  /**
   * Null when the server does not offer the feature; otherwise a key that changes whenever the
   * registration must be made again (trigger characters, a token legend).
   */
  offered(features: LanguageFeatures): string | null;
  register(monaco: Monaco, languageId: string, features: LanguageFeatures): IDisposable;
}

/** For features with nothing baked into the registration. */
export const whenOffered = (offers: (features: LanguageFeatures) => boolean) => (features: LanguageFeatures): string | null => (offers(features) ? 'on' : null);
