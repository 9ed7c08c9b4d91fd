#!/usr/bin/env node
// Reserved for the contract verifier CLI (issue "The contract verifier").
console.error('snippets-contract is not part of this version of snippets-api-contract yet.');
process.exit(2);
