// Row types of the sandbox database and their API shapes (the schemas of openapi.yaml).
import type { components } from '../../../generated/openapi.js';

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
