/**
 * Offline checks of the Bicep templates with tree-sitter-bicep (no Bicep compiler can be installed
 * here). This catches syntax errors and the structural mistakes a compiler would also catch
 * (missing module files, required module params not passed, unknown params passed), plus the
 * project's own rules (every param described, every app setting present). It does not type-check
 * resource properties: `az bicep build --file infra/main.bicep` stays the authoritative check.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// Native modules (CommonJS); typed loosely on purpose.
const Parser = require('tree-sitter');
const Bicep = require('tree-sitter-bicep');

/** The subset of tree-sitter's SyntaxNode used here. */
export interface Node {
  type: string;
  text: string;
  isMissing: boolean;
  hasError: boolean;
  startPosition: { row: number; column: number };
  children: Node[];
  namedChildren: Node[];
  previousNamedSibling: Node | null;
}

let parser: { parse(source: string): { rootNode: Node } } | undefined;

export function parse(source: string): Node {
  if (!parser) {
    parser = new Parser();
    (parser as unknown as { setLanguage(l: unknown): void }).setLanguage(Bicep);
  }
  return parser!.parse(source).rootNode;
}

export function at(node: Node): string {
  return `${node.startPosition.row + 1}:${node.startPosition.column + 1}`;
}

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const child of node.children) walk(child, visit);
}

/** Every ERROR or MISSING node as "line:col: ..." (1-based). */
export function syntaxProblems(source: string): string[] {
  const problems: string[] = [];
  walk(parse(source), (n) => {
    if (n.type === 'ERROR') problems.push(`${at(n)}: syntax error near ${JSON.stringify(n.text.slice(0, 40))}`);
    else if (n.isMissing) problems.push(`${at(n)}: missing ${n.type}`);
  });
  return problems;
}

/** Text of a plain string literal ('abc'), or undefined for interpolated strings and other nodes. */
export function stringValue(node: Node | undefined): string | undefined {
  if (!node || node.type !== 'string') return undefined;
  const parts = node.namedChildren;
  if (parts.length === 0) return '';
  if (parts.every((p) => p.type === 'string_content' || p.type === 'escape_sequence')) {
    return parts.map((p) => p.text).join('');
  }
  return undefined;
}

/** Key of an object_property (identifier or plain string). */
function propertyKey(prop: Node): string | undefined {
  const key = prop.namedChildren[0];
  if (!key) return undefined;
  if (key.type === 'identifier') return key.text;
  return stringValue(key);
}

/** Properties of an object node as [key, value] pairs. */
export function objectEntries(obj: Node | undefined): Array<[string, Node]> {
  if (!obj || obj.type !== 'object') return [];
  const entries: Array<[string, Node]> = [];
  for (const prop of obj.namedChildren) {
    if (prop.type !== 'object_property') continue;
    const key = propertyKey(prop);
    const value = prop.namedChildren[prop.namedChildren.length - 1];
    if (key !== undefined && value && prop.namedChildren.length >= 2) entries.push([key, value]);
  }
  return entries;
}

export function objectGet(obj: Node | undefined, keys: string[]): Node | undefined {
  let current = obj;
  for (const key of keys) {
    current = objectEntries(current).find(([k]) => k === key)?.[1];
    if (!current) return undefined;
  }
  return current;
}

/** The body object of a resource/module declaration (plain, `if (...) {}` or `[for ...: {}]`). */
function declarationBody(decl: Node): Node | undefined {
  for (const child of decl.namedChildren) {
    if (child.type === 'object') return child;
    if (child.type === 'if_statement' || child.type === 'for_statement') {
      const inner = child.namedChildren.find((c) => c.type === 'object' || c.type === 'if_statement');
      if (inner?.type === 'object') return inner;
      if (inner?.type === 'if_statement') return inner.namedChildren.find((c) => c.type === 'object');
    }
  }
  return undefined;
}

export interface ParamInfo {
  name: string;
  required: boolean;
  described: boolean;
  where: string;
}

export interface ModuleInfo {
  symbol: string;
  target: string;
  passed: string[];
  where: string;
}

export interface ResourceInfo {
  symbol: string;
  type: string;
  existing: boolean;
  body: Node | undefined;
  where: string;
}

export interface BicepFile {
  root: Node;
  params: ParamInfo[];
  modules: ModuleInfo[];
  resources: ResourceInfo[];
  variables: Map<string, Node>;
  outputs: string[];
}

function isDescriptionDecorator(decorator: Node): boolean {
  const call = decorator.namedChildren[0];
  if (!call || call.type !== 'call_expression') return false;
  const fn = call.namedChildren[0];
  if (!fn) return false;
  const name = fn.type === 'member_expression' ? fn.namedChildren[fn.namedChildren.length - 1]?.text : fn.text;
  const args = call.namedChildren.find((c) => c.type === 'arguments');
  const text = stringValue(args?.namedChildren[0]) ?? args?.namedChildren[0]?.text ?? '';
  return name === 'description' && text.trim().length > 0;
}

/** Decorators written above a declaration (comments in between are allowed). */
function decoratorsOf(decl: Node): Node[] {
  let prev = decl.previousNamedSibling;
  while (prev && prev.type === 'comment') prev = prev.previousNamedSibling;
  return prev?.type === 'decorators' ? prev.namedChildren.filter((d) => d.type === 'decorator') : [];
}

export function analyze(source: string): BicepFile {
  const root = parse(source);
  const file: BicepFile = { root, params: [], modules: [], resources: [], variables: new Map(), outputs: [] };
  for (const decl of root.namedChildren) {
    switch (decl.type) {
      case 'parameter_declaration': {
        const [id, type, ...rest] = decl.namedChildren;
        const nullable = type?.text.trim().endsWith('?') ?? false;
        file.params.push({
          name: id?.text ?? '?',
          // A default value follows the type; a nullable type (string?) is optional too.
          required: rest.length === 0 && !nullable,
          described: decoratorsOf(decl).some(isDescriptionDecorator),
          where: at(decl),
        });
        break;
      }
      case 'module_declaration': {
        const target = stringValue(decl.namedChildren.find((c) => c.type === 'string')) ?? '';
        const params = objectGet(declarationBody(decl), ['params']);
        file.modules.push({
          symbol: decl.namedChildren[0]?.text ?? '?',
          target,
          passed: objectEntries(params).map(([k]) => k),
          where: at(decl),
        });
        break;
      }
      case 'resource_declaration': {
        file.resources.push({
          symbol: decl.namedChildren[0]?.text ?? '?',
          type: stringValue(decl.namedChildren.find((c) => c.type === 'string')) ?? '',
          existing: decl.children.some((c) => c.type === 'existing'),
          body: declarationBody(decl),
          where: at(decl),
        });
        break;
      }
      case 'variable_declaration': {
        const [id, value] = decl.namedChildren;
        if (id && value) file.variables.set(id.text, value);
        break;
      }
      case 'output_declaration': {
        const id = decl.namedChildren.find((c) => c.type === 'identifier');
        if (id) file.outputs.push(id.text);
        break;
      }
    }
  }
  return file;
}

export function resourceTypeName(type: string): string {
  return type.split('@')[0] ?? type;
}

/** Keys of an object expression, following variables and union(...) calls. */
function objectKeysOf(file: BicepFile, expr: Node | undefined, seen = new Set<string>()): string[] {
  if (!expr) return [];
  if (expr.type === 'object') return objectEntries(expr).map(([k]) => k);
  if (expr.type === 'identifier') {
    if (seen.has(expr.text)) return [];
    seen.add(expr.text);
    return objectKeysOf(file, file.variables.get(expr.text), seen);
  }
  if (expr.type === 'parenthesized_expression') return objectKeysOf(file, expr.namedChildren[0], seen);
  if (expr.type === 'ternary_expression') return expr.namedChildren.slice(1).flatMap((branch) => objectKeysOf(file, branch, seen));
  if (expr.type === 'call_expression' && expr.namedChildren[0]?.text === 'union') {
    const args = expr.namedChildren.find((c) => c.type === 'arguments');
    return (args?.namedChildren ?? []).flatMap((a) => objectKeysOf(file, a, seen));
  }
  return [];
}

/**
 * App setting names a file sets on Microsoft.Web/sites: the properties of a
 * `Microsoft.Web/sites/config` resource named 'appsettings' and the `name:` entries of
 * `siteConfig.appSettings` arrays.
 */
export function appSettingNames(file: BicepFile): string[] {
  const names = new Set<string>();
  for (const res of file.resources) {
    const type = resourceTypeName(res.type);
    if (type === 'Microsoft.Web/sites/config' && stringValue(objectGet(res.body, ['name'])) === 'appsettings') {
      for (const key of objectKeysOf(file, objectGet(res.body, ['properties']))) names.add(key);
    }
    if (type === 'Microsoft.Web/sites') {
      const list = objectGet(res.body, ['properties', 'siteConfig', 'appSettings']);
      for (const item of list?.namedChildren ?? []) {
        const name = stringValue(objectGet(item, ['name']));
        if (name) names.add(name);
      }
    }
  }
  return [...names];
}

export interface Problem {
  file: string;
  message: string;
}

/** Module references that are local files (not registry `br:`/`br/`/`ts:` references). */
export function isLocalModule(target: string): boolean {
  return !/^(br[:/]|ts[:/])/.test(target);
}

/** Loads every .bicep file under dir (recursively) and checks them together. */
export function checkBicepTree(dir: string): { files: Map<string, BicepFile>; problems: Problem[] } {
  const files = new Map<string, BicepFile>();
  const problems: Problem[] = [];
  const list = (d: string): string[] =>
    fs.readdirSync(d, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? list(path.join(d, e.name)) : e.name.endsWith('.bicep') ? [path.join(d, e.name)] : [],
    );
  for (const full of list(dir).sort()) {
    const source = fs.readFileSync(full, 'utf8');
    const rel = path.relative(dir, full);
    for (const message of syntaxProblems(source)) problems.push({ file: rel, message });
    files.set(full, analyze(source));
  }
  for (const [full, file] of files) {
    const rel = path.relative(dir, full);
    for (const p of file.params) {
      if (!p.described) problems.push({ file: rel, message: `${p.where}: param ${p.name} has no @description` });
    }
    for (const m of file.modules) {
      if (!isLocalModule(m.target)) continue;
      const targetPath = path.resolve(path.dirname(full), m.target);
      const target = files.get(targetPath);
      if (!target) {
        problems.push({ file: rel, message: `${m.where}: module ${m.symbol} '${m.target}' does not resolve to a .bicep file` });
        continue;
      }
      for (const p of target.params) {
        if (p.required && !m.passed.includes(p.name)) {
          problems.push({ file: rel, message: `${m.where}: module ${m.symbol} does not pass required param ${p.name} of ${m.target}` });
        }
      }
      for (const name of m.passed) {
        if (!target.params.some((p) => p.name === name)) {
          problems.push({ file: rel, message: `${m.where}: module ${m.symbol} passes ${name}, which ${m.target} does not declare` });
        }
      }
    }
  }
  return { files, problems };
}

/** Problems as one readable block for assertion messages. */
export function formatProblems(problems: Problem[]): string {
  return problems.map((p) => `${p.file}:${p.message}`).join('\n');
}
