// A database whose schema a newer sandbox migrated: this one must not write
// to it. One class for both stores, in a module that loads no driver, so that
// the start's error message (start-failure.ts) knows it by its class.
export class NewerDatabaseError extends Error {
  override name = 'NewerDatabaseError';
}
