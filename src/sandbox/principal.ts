// Who is calling: the API key's workspace and teams, once authenticated.
export interface Principal {
  keyHash: string;
  workspaceId: string;
  teamIds: ReadonlySet<string>;
  /** Requests per rate-limit window for this key. */
  rateLimit: number;
}
