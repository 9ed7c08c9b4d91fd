#!/usr/bin/env node
// The contract verifier: see `snippets-contract --help`.
import { checkNode } from './check-node.js';

checkNode('snippets-contract');
await import('../dist/contract/cli.js');
