import type { Disposable } from '../../../../src-shared/contract';
import { currentSetting } from '../../../app/store';
import { host } from '../../../platform/host';
import { onModelLifecycle } from '../../editor';
import { serverForLanguage, useServerStatus } from '../lsp/server-status';
import { runCargo } from './run-cargo';

/** Saves in a burst (Save All) start one check. */
const settleMs = 300;

/**
 * `cargo.checkOnSave`: saving a Rust file runs cargo check (or clippy) for Problems, unless a language
 * server serves Rust (rust-analyzer checks on save itself).
 */
export function checkOnSave(): Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return onModelLifecycle({
    saved(_path, model) {
      const command = currentSetting('cargo.checkOnSave');
      if (command === 'off' || model.getLanguageId() !== 'rust' || serverForLanguage(useServerStatus.getState().servers, 'rust')) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        void host()
          .cargo.workspace()
          .then((workspace) => (workspace ? runCargo(command, { reveal: false }) : false))
          .catch(() => false);
      }, settleMs);
    },
  });
}
