#!/usr/bin/env node
// The reference sandbox server: see `snippets-sandbox --help`.
import '../dist/sandbox/cli.js';
