#!/usr/bin/env node
// Reserved for the reference sandbox server (issue "The sandbox").
console.error('snippets-sandbox is not part of this version of snippets-api-contract yet.');
process.exit(2);
