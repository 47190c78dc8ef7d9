import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const size = 4 * 1024 * 1024;
let scratch: string;
let writer: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'lathe-atomic-'));
  // A child that saves the target again and again, alternating two whole contents, until it is killed.
  const driver = join(scratch, 'driver.ts');
  writeFileSync(
    driver,
    `import { writeFileAtomic } from ${JSON.stringify(join(import.meta.dirname, '..', '..', '..', 'src-main', 'lib', 'atomic-write.ts'))};
const [target, size] = [process.argv[2], Number(process.argv[3])];
for (let round = 0; ; round += 1) {
  await writeFileAtomic(target, Buffer.alloc(size, round % 2 === 0 ? 'A' : 'B'));
  if (round === 0) process.stdout.write('first\\n');
}
`,
  );
  writer = join(scratch, 'driver.mjs');
  buildSync({ entryPoints: [driver], outfile: writer, bundle: true, platform: 'node', format: 'esm', logLevel: 'silent' });
});

describe('writeFileAtomic under SIGKILL', () => {
  it('leaves the old or the new content, never a torn file, whenever the writer dies', async () => {
    const target = join(scratch, 'target.txt');
    writeFileSync(target, 'original');
    const seen = new Set<string>();
    for (let round = 0; round < 25; round += 1) {
      const child = spawn(process.execPath, [writer, target, String(size)], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      // Kill at a random point of a later write.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 40));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const bytes = readFileSync(target);
      const whole = bytes.length === size;
      const kind = whole && bytes.every((byte) => byte === 0x41) ? 'A' : whole && bytes.every((byte) => byte === 0x42) ? 'B' : 'torn';
      expect(kind, `round ${round}: ${bytes.length} bytes`).not.toBe('torn');
      seen.add(kind);
    }
    // Both contents were found after kills, so the kills did land at different points of the writing.
    expect([...seen].sort()).toEqual(['A', 'B']);
  });
});
