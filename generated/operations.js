// Generated from openapi.yaml by scripts/generate.ts (npm run generate). Do not edit.
/** Every operation of openapi.yaml. */
export const operations = Object.freeze([
  {
    "operationId": "getHealth",
    "method": "GET",
    "path": "/health",
    "authenticated": false
  },
  {
    "operationId": "getSnippet",
    "method": "GET",
    "path": "/api/prompts/snippet",
    "authenticated": true
  },
  {
    "operationId": "updateSnippet",
    "method": "PUT",
    "path": "/api/prompts/snippet",
    "authenticated": true
  },
  {
    "operationId": "createSnippet",
    "method": "POST",
    "path": "/api/prompts/snippet",
    "authenticated": true
  },
  {
    "operationId": "deleteSnippet",
    "method": "DELETE",
    "path": "/api/prompts/snippet",
    "authenticated": true
  },
  {
    "operationId": "getSnippets",
    "method": "GET",
    "path": "/api/prompts/snippets",
    "authenticated": true
  },
  {
    "operationId": "createSnippets",
    "method": "POST",
    "path": "/api/prompts/snippets",
    "authenticated": true
  },
  {
    "operationId": "deleteSnippets",
    "method": "DELETE",
    "path": "/api/prompts/snippets",
    "authenticated": true
  },
  {
    "operationId": "getVariation",
    "method": "GET",
    "path": "/api/prompts/snippet/variation",
    "authenticated": true
  },
  {
    "operationId": "updateVariation",
    "method": "PUT",
    "path": "/api/prompts/snippet/variation",
    "authenticated": true
  },
  {
    "operationId": "createVariation",
    "method": "POST",
    "path": "/api/prompts/snippet/variation",
    "authenticated": true
  },
  {
    "operationId": "deleteVariations",
    "method": "DELETE",
    "path": "/api/prompts/snippet/variation",
    "authenticated": true
  },
  {
    "operationId": "getVariationHistory",
    "method": "GET",
    "path": "/api/prompts/snippet/variation/history",
    "authenticated": true
  },
  {
    "operationId": "getFolder",
    "method": "GET",
    "path": "/api/prompts/folder",
    "authenticated": true
  },
  {
    "operationId": "updateFolder",
    "method": "PUT",
    "path": "/api/prompts/folder",
    "authenticated": true
  },
  {
    "operationId": "createFolder",
    "method": "POST",
    "path": "/api/prompts/folder",
    "authenticated": true
  },
  {
    "operationId": "deleteFolder",
    "method": "DELETE",
    "path": "/api/prompts/folder",
    "authenticated": true
  },
  {
    "operationId": "getFolders",
    "method": "GET",
    "path": "/api/prompts/folders",
    "authenticated": true
  },
  {
    "operationId": "updateFolders",
    "method": "PUT",
    "path": "/api/prompts/folders",
    "authenticated": true
  },
  {
    "operationId": "createFolders",
    "method": "POST",
    "path": "/api/prompts/folders",
    "authenticated": true
  },
  {
    "operationId": "deleteFolders",
    "method": "DELETE",
    "path": "/api/prompts/folders",
    "authenticated": true
  },
  {
    "operationId": "getTag",
    "method": "GET",
    "path": "/api/prompts/tag",
    "authenticated": true
  },
  {
    "operationId": "updateTag",
    "method": "PUT",
    "path": "/api/prompts/tag",
    "authenticated": true
  },
  {
    "operationId": "createTag",
    "method": "POST",
    "path": "/api/prompts/tag",
    "authenticated": true
  },
  {
    "operationId": "deleteTag",
    "method": "DELETE",
    "path": "/api/prompts/tag",
    "authenticated": true
  },
  {
    "operationId": "getTags",
    "method": "GET",
    "path": "/api/prompts/tags",
    "authenticated": true
  },
  {
    "operationId": "updateTags",
    "method": "PUT",
    "path": "/api/prompts/tags",
    "authenticated": true
  },
  {
    "operationId": "createTags",
    "method": "POST",
    "path": "/api/prompts/tags",
    "authenticated": true
  },
  {
    "operationId": "deleteTags",
    "method": "DELETE",
    "path": "/api/prompts/tags",
    "authenticated": true
  }
].map(Object.freeze));
