#!/usr/bin/env node
// The contract verifier: see `snippets-contract --help`.
import '../dist/contract/cli.js';
