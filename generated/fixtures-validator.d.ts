// Generated from src/fixtures/fixtures-schema.ts by scripts/generate.ts (npm run generate). Do not edit.

import type { Validator } from "./validators.js";

export declare const validateFixtures: Validator<unknown>;
