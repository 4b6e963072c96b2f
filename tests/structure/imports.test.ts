import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const folders = ['lib', 'app', 'host', 'functions', 'agents', 'cli'] as const;
type Folder = (typeof folders)[number];

function sources(folder: string): string[] {
  return fs.readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts')).map((file) => path.join(folder, file));
}

/** Every relative import (static, dynamic or require) of a source file, as a path from the repository root. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((match) => match[1]!);
  return specifiers.map((specifier) => path.relative(root, path.resolve(root, path.dirname(file), specifier)));
}

const topFolder = (file: string) => file.split(path.sep)[0]!;
const arrows = folders.flatMap((folder) => sources(folder).flatMap((file) => importsOf(file).map((target) => ({ file, target, from: folder as Folder, to: topFolder(target) }))));

describe('import arrows between folders', () => {
  it('point down: lib/ imports nothing from functions/, agents/, app/ or host/', () => {
    const upward = arrows.filter((a) => a.from === 'lib' && ['functions', 'agents', 'app', 'host'].includes(a.to));
    expect(upward.map((a) => `${a.file} → ${a.target}`)).toEqual([]);
  });

  it('only the composition root (app/) opens a store: functions/, agents/, host/ and cli/ reach data through services', () => {
    const direct = arrows.filter((a) => a.from !== 'lib' && a.from !== 'app' && a.target.startsWith(path.join('lib', 'store')));
    expect(direct.map((a) => `${a.file} → ${a.target}`)).toEqual([]);
  });

  it('the function app does not depend on the local host, and nothing in lib/ depends on the composition root', () => {
    const intoHost = arrows.filter((a) => a.to === 'host' && a.from !== 'host');
    expect(intoHost.map((a) => `${a.file} → ${a.target}`)).toEqual([]);
  });

  it('the scan sees the arrows that do exist (functions/ → lib/, agents/ → app/)', () => {
    expect(arrows.some((a) => a.from === 'functions' && a.to === 'lib')).toBe(true);
    expect(arrows.some((a) => a.from === 'agents' && a.to === 'app')).toBe(true);
  });
});
