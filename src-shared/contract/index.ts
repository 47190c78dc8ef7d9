import type { ContractClient } from './define';
import { aiService } from './services/ai';
import { appService } from './services/app';
import { backupsService } from './services/backups';
import { cargoService } from './services/cargo';
import { gitService } from './services/git';
import { languageService } from './services/language';
import { pipelinesService } from './services/pipelines';
import { pluginsService } from './services/plugins';
import { searchService } from './services/search';
import { secretsService } from './services/secrets';
import { settingsService } from './services/settings';
import { stateService } from './services/state';
import { terminalService } from './services/terminal';
import { workspaceService } from './services/workspace';

/** Every service the host offers its clients. Both shells and every client are built from this object. */
export const contract = {
  app: appService,
  settings: settingsService,
  workspace: workspaceService,
  secrets: secretsService,
  state: stateService,
  backups: backupsService,
  search: searchService,
  terminal: terminalService,
  git: gitService,
  ai: aiService,
  pipelines: pipelinesService,
  language: languageService,
  cargo: cargoService,
  plugins: pluginsService,
} as const;

export type Contract = typeof contract;
export type LatheApi = ContractClient<Contract>;

export * from './define';
export * from './errors';
export * from './settings';
export * from './services/app';
export * from './services/settings';
export * from './services/workspace';
export * from './services/secrets';
export * from './services/state';
export * from './services/backups';
export * from './services/search';
export * from './services/terminal';
export * from './services/git';
export * from './services/ai';
export * from './services/pipelines';
export * from './services/language';
export * from './services/cargo';
export * from './services/plugins';
