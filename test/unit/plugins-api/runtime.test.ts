import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { LATHE_API_VERSION } from '../../../src-shared/plugins/api-version';
import { Disposable, EventEmitter } from '../../../plugins/api/runtime/events';
import { deepFreeze } from '../../../plugins/api/runtime/freeze';
import { evaluatePluginModule, type PluginFactory } from '../../../plugins/api/runtime/module-loader';
import { TextDocument } from '../../../plugins/api/runtime/text-document';

describe('the plugin runtime', () => {
  it('publishes the API version main checks engines.lathe against', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'plugins', 'api', 'package.json'), 'utf8')) as { version: string };
    expect(pkg.version).toBe(LATHE_API_VERSION);
  });

  it("evaluates a CommonJS-style module whose require knows only 'lathe'", () => {
    const api = { version: '1.0.0' };
    const factory: PluginFactory = (_exports, module, require) => {
      (module as { exports: object }).exports = { activate: () => (require('lathe') as typeof api).version, fs: () => require('fs') };
    };
    const loaded = evaluatePluginModule(factory, api) as { activate(): string; fs(): unknown };
    expect(loaded.activate()).toBe('1.0.0');
    expect(() => loaded.fs()).toThrow("Cannot find module 'fs': a Lathe plugin can require only 'lathe'");
  });

  it('freezes the API through and through, getters staying live', () => {
    let count = 0;
    class Emitter {
      fire(): void {}
    }
    const api = deepFreeze({
      window: { show: () => 'shown' },
      Emitter,
      editor: {
        get active() {
          return ++count;
        },
      },
    });
    expect(Object.isFrozen(api.window)).toBe(true);
    expect(Object.isFrozen(api.window.show)).toBe(true);
    expect(Object.isFrozen(Emitter.prototype)).toBe(true);
    expect(() => Object.assign(api.window, { show: () => 'hijacked' })).toThrow(TypeError);
    expect([api.editor.active, api.editor.active]).toEqual([1, 2]);
  });

  it('runs listeners until disposed, and keeps going when one throws', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const emitter = new EventEmitter<number>();
    const seen: number[] = [];
    emitter.event(() => {
      throw new Error('a listener failed');
    });
    const subscription = emitter.event((value) => seen.push(value));
    emitter.fire(1);
    subscription.dispose();
    emitter.fire(2);
    expect(seen).toEqual([1]);
    expect(errors).toHaveBeenCalledWith('An event listener failed:', expect.any(Error));
    errors.mockRestore();
    let disposed = 0;
    const both = Disposable.from(new Disposable(() => disposed++), new Disposable(() => disposed++));
    both.dispose();
    both.dispose();
    expect(disposed).toBe(2);
  });

  it("keeps a document's text in step with the editor's changes, applied in Monaco's order", () => {
    const document = new TextDocument({ path: 'a.md', languageId: 'markdown', version: 1, text: 'one\ntwo\nthree', isDirty: false });
    // Two cursors typing at once: Monaco lists the later edit first.
    document.applyChange({
      path: 'a.md',
      version: 2,
      isDirty: true,
      changes: [
        { rangeOffset: 8, rangeLength: 0, text: '3:' },
        { rangeOffset: 0, rangeLength: 0, text: '1:' },
      ],
    });
    expect(document.getText()).toBe('1:one\ntwo\n3:three');
    expect(document.lineCount).toBe(3);
    expect(document.lineAt(2)).toBe('3:three');
    expect(document.positionAt(10)).toEqual({ line: 2, character: 0 });
    expect(document.offsetAt({ line: 1, character: 99 })).toBe(9);
    expect(document.getText({ start: { line: 1, character: 0 }, end: { line: 1, character: 3 } })).toBe('two');
    expect([document.version, document.isDirty]).toEqual([2, true]);
  });
});
