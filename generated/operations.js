// Generated from openapi.yaml by scripts/generate.ts (npm run generate). Do not edit.
/** Every operation of openapi.yaml. */
export const operations = Object.freeze([
  {
    "operationId": "getHealth",
    "method": "GET",
    "path": "/health",
    "authenticated": false,
    "idempotent": true
  },
  {
    "operationId": "getSnippet",
    "method": "GET",
    "path": "/api/prompts/snippet",
    "authenticated": true,
    "idempotent": true
  },
  {
    "operationId": "updateSnippet",
    "method": "PUT",
    "path": "/api/prompts/snippet",
    "authenticated": true,
    "idempotent": true
  },
  {
    "operationId": "createSnippet",
    "method": "POST",
    "path": "/api/prompts/snippet",
    "authenticated": true,
    "idempotent": false
  },
  {
    "operationId": "deleteSnippet",
    "method": "DELETE",
    "path": "/api/prompts/snippet",
    "authenticated": true,
    "idempotent": false
  },
  {
    "operationId": "getSnippets",
    "method": "GET",
    "path": "/api/prompts/snippets",
    "authenticated": true,
    "idempotent": true
  },
  {
    "operationId": "createSnippets",
    "method": "POST",
    "path": "/api/prompts/snippets",
    "authenticated": true,
    "idempotent": false
  },
  {
    "operationId": "deleteSnippets",
    "method": "DELETE",
    "path": "/api/prompts/snippets",
    "authenticated": true,
    "idempotent": false
  },
  {
    "operationId": "getVariation",
    "method": "GET",
    "path": "/api/prompts/snippet/variation",
    "authenticated": true,
    "idempotent": true
  },
  {
    "operationId": "updateVariation",
    "method": "PUT",
    "path": "/api/prompts/snippet/variation",
    "authenticated": true,
    "idempotent": false
  },
  {
    "operationId": "createVariation",
    "method": "POST",
    "path": "/api/prompts/snippet/variation",
    "authenticated": true,
    "idempotent": false
  },
  {
    "operationId": "deleteVariations",
    "method": "DELETE",
    "path": "/api/prompts/snippet/variation",
    "authenticated": true,
    "idempotent": false
  },
  {
    "operationId": "getVariationHistory",
    "method": "GET",
    "path": "/api/prompts/snippet/variation/history",
    "authenticated": true,
    "idempotent": true
  },
  {
    "operationId": "getFolder",
    "method": "GET",
    "path": "/api/prompts/folder",
    "authenticated": true,
    "idempotent": true
  },
  {
    "operationId": "updateFolder",
    "method": "PUT",
    "path": "/api/prompts/folder",
    "authenticated": true,
    "idempotent": true
  },
  {
    "operationId": "createFolder",
    "method": "POST",
    "path": "/api/prompts/folder",
    "authenticated": true,
    "idempotent": false
  },
  {
    "operationId": "deleteFolder",
    "method": "DELETE",
    "path": "/api/prompts/folder",
    "authenticated": true,
    "idempotent": false
  },
  {
    "operationId": "getFolders",
    "method": "GET",
    "path": "/api/prompts/folders",
    "authenticated": true,
    "idempotent": true
  },
  {
    "operationId": "updateFolders",
    "method": "PUT",
    "path": "/api/prompts/folders",
    "authenticated": true,
    "idempotent": true
  },
  {
    "operationId": "createFolders",
    "method": "POST",
    "path": "/api/prompts/folders",
    "authenticated": true,
    "idempotent": false
  },
  {
    "operationId": "deleteFolders",
    "method": "DELETE",
    "path": "/api/prompts/folders",
    "authenticated": true,
    "idempotent": false
  },
  {
    "operationId": "getTag",
    "method": "GET",
    "path": "/api/prompts/tag",
    "authenticated": true,
    "idempotent": true
  },
  {
    "operationId": "updateTag",
    "method": "PUT",
    "path": "/api/prompts/tag",
    "authenticated": true,
    "idempotent": true
  },
  {
    "operationId": "createTag",
    "method": "POST",
    "path": "/api/prompts/tag",
    "authenticated": true,
    "idempotent": false
  },
  {
    "operationId": "deleteTag",
    "method": "DELETE",
    "path": "/api/prompts/tag",
    "authenticated": true,
    "idempotent": false
  },
  {
    "operationId": "getTags",
    "method": "GET",
    "path": "/api/prompts/tags",
    "authenticated": true,
    "idempotent": true
  },
  {
    "operationId": "updateTags",
    "method": "PUT",
    "path": "/api/prompts/tags",
    "authenticated": true,
    "idempotent": true
  },
  {
    "operationId": "createTags",
    "method": "POST",
    "path": "/api/prompts/tags",
    "authenticated": true,
    "idempotent": false
  },
  {
    "operationId": "deleteTags",
    "method": "DELETE",
    "path": "/api/prompts/tags",
    "authenticated": true,
    "idempotent": false
  }
].map(Object.freeze));
