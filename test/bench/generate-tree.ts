import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder of `folders × filesPerFolder` small source files, named like a real project's. */
export function generateTree(folders: number, filesPerFolder: number): string {
  const root = mkdtempSync(join(tmpdir(), 'lathe-tree-'));
  for (let folder = 0; folder < folders; folder += 1) {
    const directory = join(root, `crate_${folder % 20}`, `module_${folder}`);
    mkdirSync(directory, { recursive: true });
    for (let file = 0; file < filesPerFolder; file += 1) writeFileSync(join(directory, `item_${file}_${folder}.rs`), `// ${folder}/${file}\n`);
  }
  return root;
}
