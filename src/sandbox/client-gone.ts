// A request whose client went away before it was read: it closed the
// connection mid-body, or it was too slow and the sandbox closed it. Nothing
// went wrong in the sandbox, and nobody is left to answer: the request is
// logged as the client's doing, without a stack, and not answered.

export type GoneReason = 'aborted' | 'body timeout';

export class ClientGone extends Error {
  constructor(
    readonly reason: GoneReason,
    message: string,
  ) {
    super(message);
    this.name = 'ClientGone';
  }
}
