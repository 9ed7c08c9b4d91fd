// Generated from openapi.yaml by scripts/generate.ts (npm run generate). Do not edit.
export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check that the service is up
         * @description Answers when the service accepts requests. Needs no API key. The
         *     sandbox checks its store first and names it (`data.store`); a store
         *     that does not answer makes it a 503.
         *
         *     Cost: 0
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/prompts/snippet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one snippet with its variations
         * @description Returns the snippet and all of its variations, in order.
         *
         *     Cost: 1
         */
        get: operations["getSnippet"];
        /**
         * Update a snippet
         * @description Partial update: only the fields sent change. `folderId: null` takes the
         *     snippet out of its folder; `tagIds` replaces the snippet's tags.
         *     Variations are changed through the variation operations.
         *
         *     Cost: 1
         */
        put: operations["updateSnippet"];
        /**
         * Create a snippet
         * @description Creates a snippet in a team, with its content as the first variation
         *     (named `Default`) and any `additionalVariations` after it. `folderId`
         *     and `tagIds` must belong to the same team.
         *
         *     Cost: 1
         */
        post: operations["createSnippet"];
        /**
         * Delete a snippet
         * @description Deletes the snippet with all its variations. Afterwards the id answers
         *     `404` with code `RESOURCE_DELETED`.
         *
         *     Cost: 1
         */
        delete: operations["deleteSnippet"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/prompts/snippets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get up to 100 snippets by id
         * @description Returns the snippets the key can access among `ids`. Ids that do not
         *     exist, were deleted, or belong to a team the key lacks are counted in
         *     `metadata` and left out of `data`; the call does not fail for them.
         *     Large snippets are paged (see Paging): the counts in `metadata` are
         *     those of all of `ids`, `data` holds this page's snippets.
         *
         *     Cost: N, where N is the number of snippets returned.
         */
        get: operations["getSnippets"];
        put?: never;
        /**
         * Create up to 100 snippets
         * @description Creates each snippet of `snippets` as `createSnippet` would. The body
         *     is validated as a whole first: a schema violation in any item rejects
         *     the batch with `400` and nothing is written. Problems only the server
         *     can find (an unknown folder or tag, a team the key lacks) fail that
         *     item alone: the others are created and the answer is `207` with code
         *     `BATCH_PARTIAL_FAILURE` and one entry per failed item in `data.errors`.
         *     If the quota cannot pay for every item, nothing is written (`403`,
         *     `BATCH_QUOTA_INSUFFICIENT`).
         *
         *     Cost: N, where N is the number of snippets created.
         */
        post: operations["createSnippets"];
        /**
         * Delete up to 100 snippets by id
         * @description Deletes the snippets the key can access among `ids`. Ids that do not
         *     exist or are not accessible are counted in `metadata.missingCount`.
         *
         *     Cost: N, where N is the number of snippets deleted.
         */
        delete: operations["deleteSnippets"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/prompts/snippet/variation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one variation of a snippet
         * @description Returns the variation `variationId` of the snippet `snippetId`. A
         *     variation of another snippet answers `404` with code
         *     `VARIATION_NOT_IN_SNIPPET`.
         *
         *     Cost: 1
         */
        get: operations["getVariation"];
        /**
         * Update a variation
         * @description Changes the name and/or content of a variation. The previous state is
         *     kept in the variation's history; `metadata.fieldsUpdated` lists what
         *     changed.
         *
         *     Cost: 1
         */
        put: operations["updateVariation"];
        /**
         * Add a variation to a snippet
         * @description Appends a variation to the snippet `snippetId`. The change is recorded
         *     in the variation's history. A snippet holds at most 25 variations
         *     (`maxVariationsPerSnippet` in `x-limits`): one more fails with `409`
         *     and code `VARIATION_LIMIT_REACHED`.
         *
         *     Cost: 1
         */
        post: operations["createVariation"];
        /**
         * Delete variations of a snippet
         * @description Deletes the variations `variationIds` of the snippet `snippetId`. A
         *     snippet always keeps at least one variation: a call that would remove
         *     the last one fails with `409` and code `VARIATION_LAST_REMAINING`, and
         *     nothing is deleted. An id that is not a variation of this snippet fails
         *     the call with `404`.
         *
         *     Cost: N, where N is the number of variations deleted.
         */
        delete: operations["deleteVariations"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/prompts/snippet/variation/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the change history of a variation
         * @description Returns the recorded states of a variation, newest first: one record
         *     per creation, update and deletion. `fromDate` and `toDate` bound
         *     `recordedAt` (both inclusive). Paged (see Paging): `limit` counts
         *     records, and `metadata.nextCursor` leads to older ones.
         *
         *     Cost: N, where N is the number of history records returned.
         */
        get: operations["getVariationHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/prompts/folder": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a folder with its snippets
         * @description Returns the folder and the snippets filed directly in it, oldest first.
         *     Paged (see Paging): `limit` counts snippets, and every page repeats
         *     the folder.
         *
         *     Cost: 1 + N, where N is the number of snippets returned.
         */
        get: operations["getFolder"];
        /**
         * Update a folder
         * @description Partial update: renames, recolours or moves the folder. A folder cannot
         *     be moved inside itself or one of its descendants (`400`,
         *     `PARAMETER_INVALID`).
         *
         *     Cost: 1
         */
        put: operations["updateFolder"];
        /**
         * Create a folder
         * @description Creates a folder in a team, at the top level or inside
         *     `parentFolderId` (a folder of the same team).
         *
         *     Cost: 1
         */
        post: operations["createFolder"];
        /**
         * Delete a folder, keeping its snippets
         * @description Deletes the folder. Its snippets are kept, unfiled (`folderId: null`);
         *     its sub-folders move up to the deleted folder's parent.
         *
         *     Cost: 1
         */
        delete: operations["deleteFolder"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/prompts/folders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List folders with their snippets
         * @description Returns every folder of the teams the key can access (or of `teamId`
         *     alone), each with the snippets filed directly in it, oldest first.
         *     Paged (see Paging): a page holds at most `limit` folders and at most
         *     `limit` snippets in all; a folder whose snippets do not fit goes on
         *     to the next page, which starts with it again and the rest of its
         *     snippets.
         *
         *     Cost: M + N, where M is the number of folders and N the number of snippets returned.
         */
        get: operations["getFolders"];
        /**
         * Update up to 100 folders
         * @description Applies each partial update of `folders` as `updateFolder` would. An
         *     unknown or inaccessible id fails that item alone (`207`).
         *
         *     Cost: N, where N is the number of folders updated.
         */
        put: operations["updateFolders"];
        /**
         * Create up to 100 folders
         * @description Creates each folder of `folders` as `createFolder` would, with the same
         *     batch rules as `createSnippets`: schema violations reject the whole
         *     batch, per-item problems answer `207` with `data.errors`, and a quota
         *     too small for every item writes nothing.
         *
         *     Cost: N, where N is the number of folders created.
         */
        post: operations["createFolders"];
        /**
         * Delete up to 100 folders by id
         * @description Deletes the accessible folders among `ids`, keeping their snippets
         *     unfiled, as `deleteFolder` would.
         *
         *     Cost: N, where N is the number of folders deleted.
         */
        delete: operations["deleteFolders"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/prompts/tag": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a tag with its snippets
         * @description Returns the tag and the snippets that carry it, oldest first.
         *     Paged (see Paging): `limit` counts snippets, and every page repeats
         *     the tag.
         *
         *     Cost: 1 + N, where N is the number of snippets returned.
         */
        get: operations["getTag"];
        /**
         * Update a tag
         * @description Partial update: renames, recolours or moves the tag. A tag cannot be
         *     moved under itself or one of its descendants (`400`,
         *     `PARAMETER_INVALID`).
         *
         *     Cost: 1
         */
        put: operations["updateTag"];
        /**
         * Create a tag
         * @description Creates a tag in a team, at the top level or under `parentTagId` (a tag
         *     of the same team).
         *
         *     Cost: 1
         */
        post: operations["createTag"];
        /**
         * Delete a tag
         * @description Deletes the tag and removes it from every snippet; its child tags move
         *     up to its parent. The snippets themselves are kept.
         *
         *     Cost: 1
         */
        delete: operations["deleteTag"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/prompts/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tags
         * @description Returns every tag of the teams the key can access (or of `teamId`
         *     alone), oldest first. Paged (see Paging): `limit` counts tags.
         *
         *     Cost: N, where N is the number of tags returned.
         */
        get: operations["getTags"];
        /**
         * Update up to 100 tags
         * @description Applies each partial update of `tags` as `updateTag` would. An unknown
         *     or inaccessible id fails that item alone (`207`).
         *
         *     Cost: N, where N is the number of tags updated.
         */
        put: operations["updateTags"];
        /**
         * Create up to 100 tags
         * @description Creates each tag of `tags` as `createTag` would, with the same batch
         *     rules as `createSnippets`.
         *
         *     Cost: N, where N is the number of tags created.
         */
        post: operations["createTags"];
        /**
         * Delete up to 100 tags by id
         * @description Deletes the accessible tags among `ids` as `deleteTag` would.
         *
         *     Cost: N, where N is the number of tags deleted.
         */
        delete: operations["deleteTags"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description The body of every non-2xx response. */
        ErrorResponse: {
            /** @constant */
            success: false;
            /**
             * @description What went wrong, for a developer. May change between versions; do
             *     not parse it. A message that would be longer (it can quote the
             *     request, such as an unknown path) is cut to 1000 characters, the
             *     last one `…`.
             */
            message: string;
            /** @description Additional detail, when there is any; cut as `message` is. */
            error?: string;
            code: components["schemas"]["ErrorCode"];
            requestId: components["schemas"]["RequestId"];
            usage?: components["schemas"]["QuotaShortfall"];
            /**
             * @description One entry per violated field, on validation errors: at most 20
             *     (`x-limits.maxErrorDetails`); `omittedDetailCount` counts the rest.
             */
            details?: components["schemas"]["ErrorDetail"][];
            /**
             * Format: int32
             * @description `details` lists at most 20 problems; this counts the rest, when
             *     there are more. Absent when `details` lists them all.
             */
            omittedDetailCount?: number;
        };
        /**
         * @description Stable machine-readable code of an error, one of the error catalog
         *     (`x-error-catalog`). Branch on it instead of on `message`. New codes
         *     may be added in later minor versions of the API: a client must expect
         *     codes it does not know and fall back on the HTTP status for them.
         * @enum {string}
         */
        ErrorCode: "AUTH_HEADER_MISSING" | "AUTH_KEY_MALFORMED" | "AUTH_KEY_UNKNOWN" | "AUTH_KEY_INACTIVE" | "AUTH_KEY_DELETED" | "AUTH_KEY_EXPIRED" | "PARAMETER_MISSING" | "BODY_INVALID_JSON" | "PARAMETER_INVALID" | "TYPE_MISMATCH" | "FIELD_LENGTH_INVALID" | "FIELD_UNKNOWN" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "IDEMPOTENCY_KEY_REUSED" | "TEAM_ACCESS_DENIED" | "SUBSCRIPTION_INACTIVE" | "WORKSPACE_MISMATCH" | "QUOTA_INSUFFICIENT" | "SNIPPET_NOT_FOUND" | "FOLDER_NOT_FOUND" | "TAG_NOT_FOUND" | "RESOURCE_DELETED" | "ENDPOINT_NOT_FOUND" | "METHOD_NOT_ALLOWED" | "VARIATION_NOT_FOUND" | "VARIATION_NOT_IN_SNIPPET" | "VARIATION_LAST_REMAINING" | "VARIATION_LIMIT_REACHED" | "BATCH_EMPTY" | "BATCH_TOO_LARGE" | "BATCH_PARTIAL_FAILURE" | "BATCH_QUOTA_INSUFFICIENT" | "RATE_LIMIT_EXCEEDED" | "KEY_TEMPORARILY_BLOCKED" | "INTERNAL_ERROR" | "SERVICE_UNAVAILABLE";
        /**
         * @description Identifies one request; sent as `X-Request-Id` and, on errors, as `requestId`.
         * @example req_3f9a1c7e2b8d4f6a9c0e1b2d3f4a5b6c
         */
        RequestId: string;
        ErrorDetail: {
            /**
             * @description The parameter name or the body property path (`title`,
             *     `snippets.3.title`). A longer one (an unknown property's name is
             *     the client's own) is cut to 200 characters, the last one `…`.
             */
            field: string;
            /** @description What is wrong with it; cut to 500 characters, as `field` is. */
            issue: string;
        };
        /** @description Sent with quota errors. */
        QuotaShortfall: {
            /** Format: int64 */
            remainingRequests: number;
            /** Format: int64 */
            requiredRequests: number;
        };
        /** @description The workspace's quota after this call. */
        Usage: {
            /**
             * Format: int64
             * @description Requests the workspace has left.
             */
            remainingRequests: number;
            /**
             * Format: int64
             * @description What this call cost.
             */
            usageDeducted: number;
        };
        /** @description Why one item of a batch failed, in the same code and message shape as an error body. */
        BatchItemError: {
            /**
             * Format: int32
             * @description Position of the item in the request.
             */
            index: number;
            /**
             * Format: uuid
             * @description The item's id, for updates.
             */
            id?: string;
            code: components["schemas"]["ErrorCode"];
            /** @description The item's error message, cut as an error body's `message` is. */
            message: string;
            details?: components["schemas"]["ErrorDetail"][];
        };
        BatchCounts: {
            /** Format: int32 */
            requestedCount: number;
            /** Format: int32 */
            succeededCount: number;
            /** Format: int32 */
            failedCount: number;
        };
        /** Format: uuid */
        Uuid: string;
        /** Format: date-time */
        Timestamp: string;
        /** @description Whether another page follows this one. */
        HasMore: boolean;
        /** @description The `cursor` that asks for the next page; null on the last page. */
        NextCursor: string | null;
        /** @description A piece of text and how to read it. */
        Content: {
            /** @enum {string} */
            type: "plaintext" | "markdown" | "html";
            content: string;
        };
        Snippet: {
            id: components["schemas"]["Uuid"];
            teamId: components["schemas"]["Uuid"];
            title: string;
            note: string | null;
            shortcut: string | null;
            /** Format: uuid */
            folderId: string | null;
            tagIds: components["schemas"]["Uuid"][];
            /** @description In order; the first is the snippet's default content. At most `maxVariationsPerSnippet` (`x-limits`). */
            variations: components["schemas"]["Variation"][];
            createdAt: components["schemas"]["Timestamp"];
            updatedAt: components["schemas"]["Timestamp"];
        };
        Variation: {
            id: components["schemas"]["Uuid"];
            snippetId: components["schemas"]["Uuid"];
            variationName: string;
            content: components["schemas"]["Content"];
            /** Format: int32 */
            orderIndex: number;
            createdAt: components["schemas"]["Timestamp"];
            updatedAt: components["schemas"]["Timestamp"];
        };
        VariationHistoryEntry: {
            id: components["schemas"]["Uuid"];
            variationId: components["schemas"]["Uuid"];
            snippetId: components["schemas"]["Uuid"];
            /** @enum {string} */
            change: "created" | "updated" | "deleted";
            /** @description The name after this change (before it, for a deletion). */
            variationName: string;
            content: components["schemas"]["Content"];
            recordedAt: components["schemas"]["Timestamp"];
        };
        Folder: {
            id: components["schemas"]["Uuid"];
            teamId: components["schemas"]["Uuid"];
            folderName: string;
            folderColor: string | null;
            /** Format: uuid */
            parentFolderId: string | null;
            createdAt: components["schemas"]["Timestamp"];
            updatedAt: components["schemas"]["Timestamp"];
        };
        Tag: {
            id: components["schemas"]["Uuid"];
            teamId: components["schemas"]["Uuid"];
            tagName: string;
            tagColor: string | null;
            /** Format: uuid */
            parentTagId: string | null;
            createdAt: components["schemas"]["Timestamp"];
            updatedAt: components["schemas"]["Timestamp"];
        };
        FolderWithSnippets: {
            folder: components["schemas"]["Folder"];
            snippets: components["schemas"]["Snippet"][];
        };
        TagWithSnippets: {
            tag: components["schemas"]["Tag"];
            snippets: components["schemas"]["Snippet"][];
        };
        NewVariation: {
            variationName: string;
            content: components["schemas"]["Content"];
        };
        CreateSnippetRequest: {
            title: string;
            content: components["schemas"]["Content"];
            teamId: components["schemas"]["Uuid"];
            note?: string | null;
            shortcut?: string | null;
            /** Format: uuid */
            folderId?: string | null;
            tagIds?: components["schemas"]["Uuid"][];
            additionalVariations?: components["schemas"]["NewVariation"][];
        };
        UpdateSnippetRequest: {
            title?: string;
            note?: string | null;
            shortcut?: string | null;
            /** Format: uuid */
            folderId?: string | null;
            tagIds?: components["schemas"]["Uuid"][];
        };
        CreateSnippetsRequest: {
            snippets: components["schemas"]["CreateSnippetRequest"][];
        };
        CreateVariationRequest: components["schemas"]["NewVariation"];
        UpdateVariationRequest: {
            variationName?: string;
            content?: components["schemas"]["Content"];
        };
        CreateFolderRequest: {
            folderName: string;
            folderColor?: string | null;
            teamId: components["schemas"]["Uuid"];
            /** Format: uuid */
            parentFolderId?: string | null;
        };
        UpdateFolderRequest: {
            folderName?: string;
            folderColor?: string | null;
            /** Format: uuid */
            parentFolderId?: string | null;
        };
        CreateFoldersRequest: {
            folders: components["schemas"]["CreateFolderRequest"][];
        };
        UpdateFoldersRequest: {
            folders: {
                id: components["schemas"]["Uuid"];
                folderName?: string;
                folderColor?: string | null;
                /** Format: uuid */
                parentFolderId?: string | null;
            }[];
        };
        CreateTagRequest: {
            tagName: string;
            tagColor?: string | null;
            teamId: components["schemas"]["Uuid"];
            /** Format: uuid */
            parentTagId?: string | null;
        };
        UpdateTagRequest: {
            tagName?: string;
            tagColor?: string | null;
            /** Format: uuid */
            parentTagId?: string | null;
        };
        CreateTagsRequest: {
            tags: components["schemas"]["CreateTagRequest"][];
        };
        UpdateTagsRequest: {
            tags: {
                id: components["schemas"]["Uuid"];
                tagName?: string;
                tagColor?: string | null;
                /** Format: uuid */
                parentTagId?: string | null;
            }[];
        };
        /** @description The only success body without `usage`, since it needs no key. */
        HealthResponse: {
            /** @constant */
            success: true;
            data: {
                /** @constant */
                status: "ok";
                /** @description The `info.version` of the contract the server implements. */
                version: string;
                /**
                 * @description The sandbox only: the store it serves from (`sqlite`, `memory`
                 *     or `postgres`), which answered this check. When it does not
                 *     answer, the check is a 503 `SERVICE_UNAVAILABLE` naming it.
                 */
                store?: string;
            };
        };
        SnippetResponse: {
            /** @constant */
            success: true;
            data: components["schemas"]["Snippet"];
            usage: components["schemas"]["Usage"];
            metadata?: {
                /** Format: int32 */
                totalVariations: number;
                /** Format: int32 */
                tagsAttached: number;
            };
        };
        SnippetListResponse: {
            /** @constant */
            success: true;
            data: components["schemas"]["Snippet"][];
            usage: components["schemas"]["Usage"];
            metadata: {
                /** Format: int32 */
                requestedCount: number;
                /** Format: int32 */
                foundCount: number;
                /** Format: int32 */
                accessibleCount: number;
                /** Format: int32 */
                inaccessibleCount: number;
                /** Format: int32 */
                missingCount: number;
                hasMore: components["schemas"]["HasMore"];
                nextCursor: components["schemas"]["NextCursor"];
            };
        };
        SnippetBatchResponse: {
            /** @constant */
            success: true;
            /**
             * @description Sent on `207` only.
             * @constant
             */
            code?: "BATCH_PARTIAL_FAILURE";
            /** @description Sent on `207` only. */
            message?: string;
            data: {
                snippets: components["schemas"]["Snippet"][];
                errors: components["schemas"]["BatchItemError"][];
            };
            usage: components["schemas"]["Usage"];
            metadata: components["schemas"]["BatchCounts"];
        };
        DeletedResponse: {
            /** @constant */
            success: true;
            data: {
                id: components["schemas"]["Uuid"];
                /** @constant */
                deleted: true;
            };
            usage: components["schemas"]["Usage"];
        };
        BatchDeleteResponse: {
            /** @constant */
            success: true;
            data: {
                deletedIds: components["schemas"]["Uuid"][];
            };
            usage: components["schemas"]["Usage"];
            metadata: {
                /** Format: int32 */
                requestedCount: number;
                /** Format: int32 */
                deletedCount: number;
                /**
                 * Format: int32
                 * @description Ids that do not exist or that the key cannot access; the two are not told apart.
                 */
                missingCount: number;
            };
        };
        VariationResponse: {
            /** @constant */
            success: true;
            data: components["schemas"]["Variation"];
            usage: components["schemas"]["Usage"];
            metadata?: {
                fieldsUpdated: ("variationName" | "content")[];
            };
        };
        VariationHistoryResponse: {
            /** @constant */
            success: true;
            data: components["schemas"]["VariationHistoryEntry"][];
            usage: components["schemas"]["Usage"];
            metadata: {
                hasMore: components["schemas"]["HasMore"];
                nextCursor: components["schemas"]["NextCursor"];
                /**
                 * Format: int32
                 * @description Records matching the date bounds, on this page or any other.
                 */
                totalRecords: number;
            };
        };
        FolderResponse: {
            /** @constant */
            success: true;
            data: components["schemas"]["Folder"];
            usage: components["schemas"]["Usage"];
        };
        FolderDetailResponse: {
            /** @constant */
            success: true;
            data: components["schemas"]["FolderWithSnippets"];
            usage: components["schemas"]["Usage"];
            metadata: {
                /**
                 * Format: int32
                 * @description The snippets on this page.
                 */
                snippetCount: number;
                hasMore: components["schemas"]["HasMore"];
                nextCursor: components["schemas"]["NextCursor"];
            };
        };
        FolderListResponse: {
            /** @constant */
            success: true;
            data: components["schemas"]["FolderWithSnippets"][];
            usage: components["schemas"]["Usage"];
            metadata: {
                /**
                 * Format: int32
                 * @description The folders on this page.
                 */
                folderCount: number;
                /**
                 * Format: int32
                 * @description The snippets on this page.
                 */
                snippetCount: number;
                hasMore: components["schemas"]["HasMore"];
                nextCursor: components["schemas"]["NextCursor"];
            };
        };
        FolderDeletedResponse: {
            /** @constant */
            success: true;
            data: {
                id: components["schemas"]["Uuid"];
                /** @constant */
                deleted: true;
            };
            usage: components["schemas"]["Usage"];
            metadata: {
                /** Format: int32 */
                unfiledSnippetCount: number;
                /** Format: int32 */
                movedFolderCount: number;
            };
        };
        FolderBatchResponse: {
            /** @constant */
            success: true;
            /**
             * @description Sent on `207` only.
             * @constant
             */
            code?: "BATCH_PARTIAL_FAILURE";
            /** @description Sent on `207` only. */
            message?: string;
            data: {
                folders: components["schemas"]["Folder"][];
                errors: components["schemas"]["BatchItemError"][];
            };
            usage: components["schemas"]["Usage"];
            metadata: components["schemas"]["BatchCounts"];
        };
        TagResponse: {
            /** @constant */
            success: true;
            data: components["schemas"]["Tag"];
            usage: components["schemas"]["Usage"];
        };
        TagDetailResponse: {
            /** @constant */
            success: true;
            data: components["schemas"]["TagWithSnippets"];
            usage: components["schemas"]["Usage"];
            metadata: {
                /**
                 * Format: int32
                 * @description The snippets on this page.
                 */
                snippetCount: number;
                hasMore: components["schemas"]["HasMore"];
                nextCursor: components["schemas"]["NextCursor"];
            };
        };
        TagListResponse: {
            /** @constant */
            success: true;
            data: components["schemas"]["Tag"][];
            usage: components["schemas"]["Usage"];
            metadata: {
                /**
                 * Format: int32
                 * @description The tags on this page.
                 */
                tagCount: number;
                hasMore: components["schemas"]["HasMore"];
                nextCursor: components["schemas"]["NextCursor"];
            };
        };
        TagBatchResponse: {
            /** @constant */
            success: true;
            /**
             * @description Sent on `207` only.
             * @constant
             */
            code?: "BATCH_PARTIAL_FAILURE";
            /** @description Sent on `207` only. */
            message?: string;
            data: {
                tags: components["schemas"]["Tag"][];
                errors: components["schemas"]["BatchItemError"][];
            };
            usage: components["schemas"]["Usage"];
            metadata: components["schemas"]["BatchCounts"];
        };
    };
    responses: {
        /**
         * @description The request is malformed: a missing or invalid parameter, a body that is
         *     not valid JSON, a wrong type, a length outside the limits, an unknown
         *     field or query parameter, or a batch that is empty or has more than
         *     100 items (arrays marked `x-batch`). `details` names each violated
         *     field, up to 20 (`omittedDetailCount` counts the rest).
         */
        BadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description The request carries no usable API key: the `Authorization` header is
         *     missing or malformed, or the key is unknown, inactive, deleted or
         *     expired.
         */
        Unauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description The key is valid but may not do this: it lacks the team, the
         *     workspace's subscription is inactive, the quota cannot pay for the
         *     call (`usage` says by how much), the resource is in another workspace,
         *     or the key is temporarily blocked after repeated invalid attempts
         *     (`Retry-After`).
         */
        Forbidden: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Retry-After": components["headers"]["Retry-After-Optional"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description Nothing answers to this id or path: the resource does not exist, was
         *     deleted, or belongs to a workspace the key cannot see (the two are not
         *     told apart); or the endpoint itself does not exist.
         */
        NotFound: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description The path exists but not with this method. `Allow` lists the methods it
         *     supports. Not listed under each operation: it answers requests that
         *     match no operation.
         */
        MethodNotAllowed: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                Allow: components["headers"]["Allow"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The request conflicts with the resource's state; nothing was changed. */
        Conflict: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The body is larger than 1 MB. */
        PayloadTooLarge: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The body is not sent as `application/json`. */
        UnsupportedMediaType: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The `Idempotency-Key` was already used with a different body; nothing was done. */
        IdempotencyKeyReused: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The key made more requests than its rate limit allows in the window; nothing was done. Wait `Retry-After` seconds. */
        TooManyRequests: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                "Retry-After": components["headers"]["Retry-After"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Something failed on the server. The body never carries a stack trace; quote `requestId` to support. */
        InternalServerError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The service is briefly unable to answer. Retry after `Retry-After` seconds. */
        ServiceUnavailable: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: {
        /** @description The id of the snippet. */
        SnippetQueryId: string;
        /** @description The id of the folder. */
        FolderQueryId: string;
        /** @description The id of the tag. */
        TagQueryId: string;
        /** @description Up to 100 snippet ids, comma-separated. */
        SnippetQueryIds: string[];
        /** @description Up to 100 folder ids, comma-separated. */
        FolderQueryIds: string[];
        /** @description Up to 100 tag ids, comma-separated. */
        TagQueryIds: string[];
        /** @description The id of the snippet the variation belongs to. */
        SnippetId: string;
        /** @description The id of the variation. */
        VariationId: string;
        /** @description Up to 100 variation ids, comma-separated. */
        VariationIds: string[];
        /** @description How many items a page holds at most. */
        PageLimit: number;
        /** @description Where the page starts, as `metadata.nextCursor` of the page before gave it; leave it out for the first page. */
        PageCursor: string;
        /** @description Only resources of this team. Without it, every team the key can access. */
        TeamFilter: string;
        /**
         * @description Makes a retry of this POST safe: a repeat with the same key and body
         *     returns the first response and costs nothing. Use a fresh random value
         *     (a UUID) per logical operation.
         * @example 6f1d2c3b-4a5e-4f60-8b7c-9d0e1f2a3b4c
         */
        IdempotencyKey: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description Identifies this request in the server's logs; equal to `requestId` in an error body. Quote it when you contact support.
         * @example req_3f9a1c7e2b8d4f6a9c0e1b2d3f4a5b6c
         */
        "X-Request-Id": components["schemas"]["RequestId"];
        /**
         * @description CORS: the origin of the page that may read this answer, the request's
         *     own `Origin` when the server allows it (the sandbox allows loopback
         *     origins by default and others named by `--cors`); absent for a request
         *     without `Origin` or from an origin not allowed.
         * @example http://localhost:5173
         */
        "Access-Control-Allow-Origin": string;
        /**
         * @description How many requests this key may make per rate-limit window. Sent on every response to an authenticated request.
         * @example 20
         */
        "RateLimit-Limit": number;
        /**
         * @description How many requests this key has left in the current window.
         * @example 19
         */
        "RateLimit-Remaining": number;
        /**
         * @description Seconds until the oldest request in the window expires and frees a place.
         * @example 42
         */
        "RateLimit-Reset": number;
        /**
         * @description Seconds to wait before trying again.
         * @example 42
         */
        "Retry-After": number;
        /**
         * @description Seconds to wait before trying again. Sent with `KEY_TEMPORARILY_BLOCKED`; assume 300 if it is missing.
         * @example 300
         */
        "Retry-After-Optional": number;
        /**
         * @description The methods the path supports, comma-separated.
         * @example GET, POST, PATCH, DELETE
         */
        Allow: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The service is up. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthResponse"];
                };
            };
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getSnippet: {
        parameters: {
            query: {
                /** @description The id of the snippet. */
                id: components["parameters"]["SnippetQueryId"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The snippet. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SnippetResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateSnippet: {
        parameters: {
            query: {
                /** @description The id of the snippet. */
                id: components["parameters"]["SnippetQueryId"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSnippetRequest"];
            };
        };
        responses: {
            /** @description The updated snippet. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SnippetResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createSnippet: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry of this POST safe: a repeat with the same key and body
                 *     returns the first response and costs nothing. Use a fresh random value
                 *     (a UUID) per logical operation.
                 * @example 6f1d2c3b-4a5e-4f60-8b7c-9d0e1f2a3b4c
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSnippetRequest"];
            };
        };
        responses: {
            /** @description The snippet was created. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SnippetResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteSnippet: {
        parameters: {
            query: {
                /** @description The id of the snippet. */
                id: components["parameters"]["SnippetQueryId"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The snippet was deleted. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletedResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getSnippets: {
        parameters: {
            query: {
                /** @description Up to 100 snippet ids, comma-separated. */
                ids: components["parameters"]["SnippetQueryIds"];
                /** @description Where the page starts, as `metadata.nextCursor` of the page before gave it; leave it out for the first page. */
                cursor?: components["parameters"]["PageCursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The accessible snippets, in the order of `ids`. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SnippetListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createSnippets: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry of this POST safe: a repeat with the same key and body
                 *     returns the first response and costs nothing. Use a fresh random value
                 *     (a UUID) per logical operation.
                 * @example 6f1d2c3b-4a5e-4f60-8b7c-9d0e1f2a3b4c
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSnippetsRequest"];
            };
        };
        responses: {
            /** @description Every snippet was created. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SnippetBatchResponse"];
                };
            };
            /** @description Some snippets were created and some failed; `data.errors` says which and why. */
            207: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SnippetBatchResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteSnippets: {
        parameters: {
            query: {
                /** @description Up to 100 snippet ids, comma-separated. */
                ids: components["parameters"]["SnippetQueryIds"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The accessible snippets were deleted. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchDeleteResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getVariation: {
        parameters: {
            query: {
                /** @description The id of the snippet the variation belongs to. */
                snippetId: components["parameters"]["SnippetId"];
                /** @description The id of the variation. */
                variationId: components["parameters"]["VariationId"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The variation. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VariationResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateVariation: {
        parameters: {
            query: {
                /** @description The id of the variation. */
                variationId: components["parameters"]["VariationId"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateVariationRequest"];
            };
        };
        responses: {
            /** @description The updated variation. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VariationResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createVariation: {
        parameters: {
            query: {
                /** @description The id of the snippet the variation belongs to. */
                snippetId: components["parameters"]["SnippetId"];
            };
            header?: {
                /**
                 * @description Makes a retry of this POST safe: a repeat with the same key and body
                 *     returns the first response and costs nothing. Use a fresh random value
                 *     (a UUID) per logical operation.
                 * @example 6f1d2c3b-4a5e-4f60-8b7c-9d0e1f2a3b4c
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateVariationRequest"];
            };
        };
        responses: {
            /** @description The variation was created. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VariationResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteVariations: {
        parameters: {
            query: {
                /** @description The id of the snippet the variation belongs to. */
                snippetId: components["parameters"]["SnippetId"];
                /** @description Up to 100 variation ids, comma-separated. */
                variationIds: components["parameters"]["VariationIds"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The variations were deleted. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchDeleteResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getVariationHistory: {
        parameters: {
            query: {
                /** @description The id of the variation. */
                variationId: components["parameters"]["VariationId"];
                /** @description How many items a page holds at most. */
                limit?: components["parameters"]["PageLimit"];
                /** @description Where the page starts, as `metadata.nextCursor` of the page before gave it; leave it out for the first page. */
                cursor?: components["parameters"]["PageCursor"];
                /** @description Only records at or after this time. */
                fromDate?: string;
                /** @description Only records at or before this time. */
                toDate?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The history records. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VariationHistoryResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getFolder: {
        parameters: {
            query: {
                /** @description The id of the folder. */
                id: components["parameters"]["FolderQueryId"];
                /** @description How many items a page holds at most. */
                limit?: components["parameters"]["PageLimit"];
                /** @description Where the page starts, as `metadata.nextCursor` of the page before gave it; leave it out for the first page. */
                cursor?: components["parameters"]["PageCursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The folder and its snippets. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FolderDetailResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateFolder: {
        parameters: {
            query: {
                /** @description The id of the folder. */
                id: components["parameters"]["FolderQueryId"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateFolderRequest"];
            };
        };
        responses: {
            /** @description The updated folder. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FolderResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createFolder: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry of this POST safe: a repeat with the same key and body
                 *     returns the first response and costs nothing. Use a fresh random value
                 *     (a UUID) per logical operation.
                 * @example 6f1d2c3b-4a5e-4f60-8b7c-9d0e1f2a3b4c
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateFolderRequest"];
            };
        };
        responses: {
            /** @description The folder was created. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FolderResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteFolder: {
        parameters: {
            query: {
                /** @description The id of the folder. */
                id: components["parameters"]["FolderQueryId"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The folder was deleted. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FolderDeletedResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getFolders: {
        parameters: {
            query?: {
                /** @description Only resources of this team. Without it, every team the key can access. */
                teamId?: components["parameters"]["TeamFilter"];
                /** @description How many items a page holds at most. */
                limit?: components["parameters"]["PageLimit"];
                /** @description Where the page starts, as `metadata.nextCursor` of the page before gave it; leave it out for the first page. */
                cursor?: components["parameters"]["PageCursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The folders. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FolderListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateFolders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateFoldersRequest"];
            };
        };
        responses: {
            /** @description Every folder was updated. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FolderBatchResponse"];
                };
            };
            /** @description Some folders were updated and some failed; `data.errors` says which and why. */
            207: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FolderBatchResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createFolders: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry of this POST safe: a repeat with the same key and body
                 *     returns the first response and costs nothing. Use a fresh random value
                 *     (a UUID) per logical operation.
                 * @example 6f1d2c3b-4a5e-4f60-8b7c-9d0e1f2a3b4c
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateFoldersRequest"];
            };
        };
        responses: {
            /** @description Every folder was created. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FolderBatchResponse"];
                };
            };
            /** @description Some folders were created and some failed; `data.errors` says which and why. */
            207: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FolderBatchResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteFolders: {
        parameters: {
            query: {
                /** @description Up to 100 folder ids, comma-separated. */
                ids: components["parameters"]["FolderQueryIds"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The accessible folders were deleted. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchDeleteResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getTag: {
        parameters: {
            query: {
                /** @description The id of the tag. */
                id: components["parameters"]["TagQueryId"];
                /** @description How many items a page holds at most. */
                limit?: components["parameters"]["PageLimit"];
                /** @description Where the page starts, as `metadata.nextCursor` of the page before gave it; leave it out for the first page. */
                cursor?: components["parameters"]["PageCursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tag and its snippets. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TagDetailResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateTag: {
        parameters: {
            query: {
                /** @description The id of the tag. */
                id: components["parameters"]["TagQueryId"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTagRequest"];
            };
        };
        responses: {
            /** @description The updated tag. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TagResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createTag: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry of this POST safe: a repeat with the same key and body
                 *     returns the first response and costs nothing. Use a fresh random value
                 *     (a UUID) per logical operation.
                 * @example 6f1d2c3b-4a5e-4f60-8b7c-9d0e1f2a3b4c
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTagRequest"];
            };
        };
        responses: {
            /** @description The tag was created. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TagResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteTag: {
        parameters: {
            query: {
                /** @description The id of the tag. */
                id: components["parameters"]["TagQueryId"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tag was deleted. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletedResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getTags: {
        parameters: {
            query?: {
                /** @description Only resources of this team. Without it, every team the key can access. */
                teamId?: components["parameters"]["TeamFilter"];
                /** @description How many items a page holds at most. */
                limit?: components["parameters"]["PageLimit"];
                /** @description Where the page starts, as `metadata.nextCursor` of the page before gave it; leave it out for the first page. */
                cursor?: components["parameters"]["PageCursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tags. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TagListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateTags: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTagsRequest"];
            };
        };
        responses: {
            /** @description Every tag was updated. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TagBatchResponse"];
                };
            };
            /** @description Some tags were updated and some failed; `data.errors` says which and why. */
            207: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TagBatchResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createTags: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry of this POST safe: a repeat with the same key and body
                 *     returns the first response and costs nothing. Use a fresh random value
                 *     (a UUID) per logical operation.
                 * @example 6f1d2c3b-4a5e-4f60-8b7c-9d0e1f2a3b4c
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTagsRequest"];
            };
        };
        responses: {
            /** @description Every tag was created. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TagBatchResponse"];
                };
            };
            /** @description Some tags were created and some failed; `data.errors` says which and why. */
            207: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TagBatchResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteTags: {
        parameters: {
            query: {
                /** @description Up to 100 tag ids, comma-separated. */
                ids: components["parameters"]["TagQueryIds"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The accessible tags were deleted. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchDeleteResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
