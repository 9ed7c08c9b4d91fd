// Who is calling: the API key's workspace and teams, once authenticated.
// One object per known key, shared by its requests: never changed.
export interface Principal {
  readonly keyHash: string;
  readonly workspaceId: string;
  readonly teamIds: ReadonlySet<string>;
  /** Requests per rate-limit window for this key. */
  readonly rateLimit: number;
}
