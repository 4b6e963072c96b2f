/**
 * The package `azd deploy` uploads, built and loaded offline: the project's files (tracked, or new and
 * not git-ignored: a clean clone) minus .funcignore with gitignore semantics (the `ignore` package, as
 * azd applies it), copied to a clean folder; there the platform's remote build runs (`npm install` is
 * stood in for by the project's node_modules, then `npm run build`, then `npm run build:azure`'s prune
 * of devDependencies, stood in for by a node_modules holding only production packages); then
 * package.json "main" is loaded as the Functions Node worker loads it, and every function the
 * project registers must be registered by the package too.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ignore from 'ignore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '../..');
const loader = path.join(__dirname, 'load-function-app.cjs');

type Registration = { name: string; trigger: string };

function projectFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: repo, encoding: 'utf8' });
  return listed.split('\0').filter((file) => file && fs.existsSync(path.join(repo, file)));
}

function packagedFiles(): string[] {
  const funcignore = ignore().add(fs.readFileSync(path.join(repo, '.funcignore'), 'utf8'));
  return projectFiles().filter((file) => !funcignore.ignores(file));
}

/** node_modules after `npm prune --omit=dev`: links to the lockfile's top-level packages that are not dev-only. */
function productionNodeModules(target: string): void {
  const lock = JSON.parse(fs.readFileSync(path.join(repo, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; link?: boolean }>;
  };
  for (const [key, entry] of Object.entries(lock.packages)) {
    const name = key.match(/^node_modules\/((?:@[^/]+\/)?[^/]+)$/)?.[1];
    if (!name || entry.dev) continue;
    fs.mkdirSync(path.dirname(path.join(target, name)), { recursive: true });
    fs.symlinkSync(path.join(repo, 'node_modules', name), path.join(target, name), 'dir');
  }
}

/** Runs the loader; --preserve-symlinks so a production package resolves its own dependencies in the pruned tree, not in the project's. */
function registrationsOf(appDir: string): Registration[] {
  const output = execFileSync(process.execPath, ['--preserve-symlinks', loader, appDir], {
    cwd: appDir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: os.tmpdir() },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  return (JSON.parse(output.trim().split('\n').at(-1)!) as Registration[]).sort((a, b) => a.name.localeCompare(b.name));
}

describe('the package azd uploads (.funcignore)', () => {
  const files = packagedFiles();

  it('carries every source file the remote build compiles, and no tests, infra, local data or secrets', () => {
    const tsconfig = JSON.parse(fs.readFileSync(path.join(repo, 'tsconfig.json'), 'utf8')) as { include: string[] };
    const compiled = projectFiles().filter(
      (file) => [...tsconfig.include, 'web'].some((dir) => file.startsWith(`${dir}/`)) && !/\.(test|spec)\.ts$/.test(file),
    );
    expect(compiled.filter((file) => !files.includes(file))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'host.json', 'tsconfig.json', 'lib/domain/data/airports.ts']));
    const leaked = files.filter((file) => /^(tests|infra|docs|bench|scripts|\.github|\.ci|data)\//.test(file) || /^local\.settings\.json$|\.db$/.test(file));
    expect(leaked).toEqual([]);
  });
});

describe('remote build of the package in a clean folder, loaded as the Functions worker loads it', () => {
  let appDir: string;

  beforeAll(() => {
    appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'azd-package-'));
    for (const file of packagedFiles()) {
      fs.mkdirSync(path.dirname(path.join(appDir, file)), { recursive: true });
      fs.copyFileSync(path.join(repo, file), path.join(appDir, file));
    }
    fs.symlinkSync(path.join(repo, 'node_modules'), path.join(appDir, 'node_modules'), 'dir');
    try {
      execFileSync('npm', ['run', 'build'], { cwd: appDir, stdio: 'pipe', timeout: 170_000 });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
      throw new Error(`npm run build failed in the package:\n${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`);
    }
    fs.rmSync(path.join(appDir, 'node_modules'));
    productionNodeModules(path.join(appDir, 'node_modules'));
  }, 180_000);

  afterAll(() => {
    if (appDir) fs.rmSync(appDir, { recursive: true, force: true });
  });

  it('registers every function the project registers: HTTP, timers, the orchestration and its activities', () => {
    const packaged = registrationsOf(appDir);
    const project = registrationsOf(repo);
    expect(packaged).toEqual(project);
    const triggers = new Set(packaged.map((r) => r.trigger));
    for (const trigger of ['httpTrigger', 'timerTrigger', 'orchestrationTrigger', 'activityTrigger']) expect(triggers).toContain(trigger);
    expect(packaged.map((r) => r.name)).toEqual(
      expect.arrayContaining(['bookings-create', 'flights-search', 'release-expired-holds', 'conversation', 'BookingAgent', 'web', 'health']),
    );
  }, 60_000);

  it('build:azure prunes devDependencies after the build (Oryx runs `npm run build`, then `npm run build:azure`)', () => {
    const scripts = (JSON.parse(fs.readFileSync(path.join(appDir, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['build:azure']).toBe('npm prune --omit=dev');
    expect(fs.existsSync(path.join(appDir, 'node_modules', 'vitest'))).toBe(false);
    expect(fs.existsSync(path.join(appDir, 'dist', 'web', 'index.html'))).toBe(true);
  });
});
