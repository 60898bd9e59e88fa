import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute paths, so synth behaves the same whatever the working directory (CLI, vitest, editor). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const apiEntry = resolve(repoRoot, 'functions/api/handler.ts');
export const lockFile = resolve(repoRoot, 'package-lock.json');
export const tsconfigFile = resolve(repoRoot, 'tsconfig.json');
export const cdkJsonFile = resolve(repoRoot, 'cdk.json');
