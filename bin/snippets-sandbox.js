#!/usr/bin/env node
// The reference sandbox server: see `snippets-sandbox --help`.
import { checkNode } from './check-node.js';

checkNode('snippets-sandbox');
await import('../dist/sandbox/cli.js');
