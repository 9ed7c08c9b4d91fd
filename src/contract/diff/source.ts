// Where a document comes from: a file path, or `git:REF` / `git:REF:PATH`
// (the file as it stands at that revision, read with `git show`). Every
// problem is a DiffInputError whose message is one line naming the problem
// and what to do about it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, normalize, posix, resolve } from 'node:path';

export class DiffInputError extends Error {}

export const DEFAULT_SPEC = 'openapi.yaml';

/** Reads the files of one source: the document and any file it `$ref`s. */
export interface SourceReader {
  /** How the source is named in messages. */
  label: string;
  /** The document's own path, in the reader's terms. */
  root: string;
  read(path: string): string;
  /** `relative` as seen from the file `from`. */
  resolve(from: string, relative: string): string;
}

export function openSource(spec: string, cwd = process.cwd()): SourceReader {
  if (spec.startsWith('git:')) return gitSource(spec, cwd);
  return fileSource(spec, cwd);
}

function fileSource(path: string, cwd: string): SourceReader {
  if (path === '') throw new DiffInputError('an empty source was given; pass the path of an OpenAPI document or git:REF');
  return {
    label: path,
    root: resolve(cwd, path),
    read(file) {
      try {
        return readFileSync(file, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') throw new DiffInputError(`cannot read ${file}: no such file; pass the path of an OpenAPI document, or git:REF for one at a git revision`);
        if (code === 'EISDIR') throw new DiffInputError(`${file} is a directory; pass the path of the OpenAPI document inside it`);
        throw new DiffInputError(`cannot read ${file}: ${code ?? (error as Error).message}`);
      }
    },
    resolve: (from, relative) => resolve(dirname(from), relative),
  };
}

function git(args: string[], cwd: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

function gitSource(spec: string, cwd: string): SourceReader {
  // A ref cannot contain ':' (git check-ref-format), so the first one after
  // the ref starts the path.
  const rest = spec.slice('git:'.length);
  const colon = rest.indexOf(':');
  const ref = colon === -1 ? rest : rest.slice(0, colon);
  const path = colon === -1 ? DEFAULT_SPEC : rest.slice(colon + 1);
  if (ref === '') throw new DiffInputError(`"${spec}" names no revision; write git:REF (git:origin/main) or git:REF:PATH`);
  if (path === '') throw new DiffInputError(`"${spec}" names no file after the revision; write git:${ref} or git:${ref}:openapi.yaml`);
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel'], cwd).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new DiffInputError(`${spec} needs git, which is not installed or not on PATH`);
    throw new DiffInputError(`${spec}: ${cwd} is not inside a git repository; run the command from the repository, or pass a file path`);
  }
  let commit: string;
  try {
    commit = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], cwd).trim();
  } catch {
    throw new DiffInputError(`unknown git revision "${ref}"; use a branch, tag or commit of this repository (in CI, fetch it first: git fetch origin main)`);
  }
  // Paths inside the revision are relative to the repository's top, like the
  // working directory's relation to it.
  const here = posix.normalize(normalize(resolve(cwd)).slice(normalize(top).length).split('\\').join('/').replace(/^\//, '') || '.');
  return {
    label: spec,
    root: posix.normalize(posix.join(here, path)),
    read(file) {
      if (file.startsWith('../')) throw new DiffInputError(`${spec}: ${file} lies outside the repository`);
      try {
        return git(['show', `${commit}:${file}`], cwd);
      } catch {
        throw new DiffInputError(`${spec}: revision ${ref} has no file ${file}; give its path as git:${ref}:PATH`);
      }
    },
    resolve: (from, relative) => posix.normalize(posix.join(posix.dirname(from), relative)),
  };
}

/** For messages: a path inside a source, as the user would write it. */
export function describe(reader: SourceReader, file: string): string {
  return file === reader.root ? reader.label : `${reader.label} (${file})`;
}
