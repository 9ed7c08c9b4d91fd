// Row types of the sandbox database and their API shapes (the schemas of openapi.yaml).
import type { components } from '../../../generated/openapi.js';
import type { KeyRecord } from './store.ts';

export type Snippet = components['schemas']['Snippet'];
export type Variation = components['schemas']['Variation'];
export type VariationHistoryEntry = components['schemas']['VariationHistoryEntry'];
export type Folder = components['schemas']['Folder'];
export type Tag = components['schemas']['Tag'];
export type Content = components['schemas']['Content'];

export interface SnippetRow {
  id: string;
  team_id: string;
  title: string;
  note: string | null;
  shortcut: string | null;
  folder_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface VariationRow {
  id: string;
  snippet_id: string;
  name: string;
  content_type: Content['type'];
  content: string;
  order_index: number;
  created_at: string;
  updated_at: string;
}

export interface HistoryRow {
  id: string;
  variation_id: string;
  snippet_id: string;
  team_id: string;
  change: VariationHistoryEntry['change'];
  name: string;
  content_type: Content['type'];
  content: string;
  recorded_at: string;
}

export interface FolderRow {
  id: string;
  team_id: string;
  name: string;
  color: string | null;
  parent_id: string | null;
  created_at: string;
  updated_at: string;
}

export type TagRow = FolderRow;

export function toVariation(row: VariationRow): Variation {
  return {
    id: row.id,
    snippetId: row.snippet_id,
    variationName: row.name,
    content: { type: row.content_type, content: row.content },
    orderIndex: row.order_index,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toHistoryEntry(row: HistoryRow): VariationHistoryEntry {
  return {
    id: row.id,
    variationId: row.variation_id,
    snippetId: row.snippet_id,
    change: row.change,
    variationName: row.name,
    content: { type: row.content_type, content: row.content },
    recordedAt: row.recorded_at,
  };
}

export function toFolder(row: FolderRow): Folder {
  return {
    id: row.id,
    teamId: row.team_id,
    folderName: row.name,
    folderColor: row.color,
    parentFolderId: row.parent_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toTag(row: TagRow): Tag {
  return {
    id: row.id,
    teamId: row.team_id,
    tagName: row.name,
    tagColor: row.color,
    parentTagId: row.parent_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

// The rules of a change, shared by every store: a field left out keeps its
// value, `null` clears a nullable one.

/** A snippet in its API shape, from its row, its tag ids (in their order) and its variations. */
export function snippetOf(row: SnippetRow, tagIds: string[], variations: Variation[]): Snippet {
  return {
    id: row.id,
    teamId: row.team_id,
    title: row.title,
    note: row.note,
    shortcut: row.shortcut,
    folderId: row.folder_id,
    tagIds,
    variations,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A new snippet's row (its tags and variations are stored beside it). */
export function newSnippetRow(id: string, input: { teamId: string; title: string; note?: string | null; shortcut?: string | null; folderId?: string | null }, at: string): SnippetRow {
  return { id, team_id: input.teamId, title: input.title, note: input.note ?? null, shortcut: input.shortcut ?? null, folder_id: input.folderId ?? null, created_at: at, updated_at: at };
}

/** An API key's columns, as the SQL stores keep them. */
export interface KeyColumns {
  key_hash: string;
  workspace_id: string;
  status: KeyRecord['status'];
  expires_at: string | null;
  rate_limit_per_minute: number | null;
  subscription: KeyRecord['subscription'];
}

export function keyRecordOf(row: KeyColumns, teamIds: string[]): KeyRecord {
  return {
    keyHash: row.key_hash,
    workspaceId: row.workspace_id,
    status: row.status,
    expiresAt: row.expires_at,
    rateLimitPerMinute: row.rate_limit_per_minute,
    subscription: row.subscription,
    teamIds,
  };
}

export function newGroupRow(id: string, teamId: string, input: { name: string; color?: string | null; parentId?: string | null }, at: string): FolderRow {
  return { id, team_id: teamId, name: input.name, color: input.color ?? null, parent_id: input.parentId ?? null, created_at: at, updated_at: at };
}

export function changedGroupRow(row: FolderRow, changes: { name?: string; color?: string | null; parentId?: string | null }, at: string): FolderRow {
  return {
    ...row,
    name: changes.name ?? row.name,
    color: changes.color !== undefined ? changes.color : row.color,
    parent_id: changes.parentId !== undefined ? changes.parentId : row.parent_id,
    updated_at: at,
  };
}

export function changedVariationRow(row: VariationRow, changes: { variationName?: string; content?: Content }, at: string): VariationRow {
  return {
    ...row,
    name: changes.variationName ?? row.name,
    content_type: changes.content?.type ?? row.content_type,
    content: changes.content?.content ?? row.content,
    updated_at: at,
  };
}

export function changedSnippetRow<R extends SnippetRow>(
  row: R,
  changes: { title?: string; note?: string | null; shortcut?: string | null; folderId?: string | null },
  at: string,
): R {
  return {
    ...row,
    title: changes.title ?? row.title,
    note: changes.note !== undefined ? changes.note : row.note,
    shortcut: changes.shortcut !== undefined ? changes.shortcut : row.shortcut,
    folder_id: changes.folderId !== undefined ? changes.folderId : row.folder_id,
    updated_at: at,
  };
}
