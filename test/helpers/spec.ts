// The real openapi.yaml, parsed once per test file.
import { fileURLToPath } from 'node:url';
import { loadSpec } from '../../scripts/lib/spec.ts';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const specPath = fileURLToPath(new URL('../../openapi.yaml', import.meta.url));
export const spec = loadSpec(specPath);
