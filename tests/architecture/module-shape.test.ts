import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleList } from '../../app/modules';
import { keyPrefixClashes } from '../../shared/module/key-prefixes';
import { edgesBetween, importCycles, importGraph } from './import-graph';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const isTest = (file: string) => /\.test\.tsx?$/.test(file);

describe('the shape of the house', () => {
  const graph = importGraph(root, ['app', 'shared', 'web', 'functions', 'infra', 'scripts', 'bench', 'tests']);
  const code = new Map([...graph].filter(([file]) => !isTest(file)));

  it('reads the imports of the whole tree', () => {
    expect(graph.size).toBeGreaterThan(300);
    expect(graph.get('app/compose-app.ts')).toContain('shared/http/errors.ts');
  });

  it('has no import loops, type-only ones included', () => {
    expect(importCycles(code)).toEqual([]);
  });

  it('keeps the core free of pages and of the composition root', () => {
    expect(edgesBetween(code, ['shared'], ['web', 'app', 'infra', 'tests', 'scripts'])).toEqual([]);
  });

  it('keeps tests out of everything but tests', () => {
    expect(edgesBetween(code, ['app', 'shared', 'web', 'functions', 'infra', 'scripts', 'bench'], ['tests'])).toEqual([]);
  });

  it('lets no two modules claim one key prefix', () => {
    expect(keyPrefixClashes(moduleList)).toEqual([]);
    expect(moduleList.flatMap((m) => m.keyPrefixes).length).toBeGreaterThanOrEqual(15);
  });

  it('names each module once', () => {
    const names = moduleList.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
