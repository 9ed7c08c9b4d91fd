// generated/fixtures-validator.js: the fixtures file's schema
// (src/fixtures/fixtures-schema.ts) as an ajv standalone validator, so that
// no validator is compiled at run time (eval is refused by worker runtimes
// and by pages with a strict Content-Security-Policy).
import standaloneModule from 'ajv/dist/standalone/index.js';
import { fixturesSchema } from '../../src/fixtures/fixtures-schema.ts';
import { moduleSource, newAjv } from './gen-validators.ts';

// CommonJS module: under NodeNext its callable sits on `.default`.
const standaloneCode = standaloneModule.default;

export function generateFixturesValidator(header: string): { js: string; dts: string } {
  const ajv = newAjv();
  ajv.addSchema({ $id: 'fixtures', ...fixturesSchema });
  const js = [header, moduleSource(standaloneCode(ajv, { validateFixtures: 'fixtures' })), ''].join('\n');
  const dts = [header, 'import type { Validator } from "./validators.js";', '', 'export declare const validateFixtures: Validator<unknown>;', ''].join('\n');
  return { js, dts };
}
