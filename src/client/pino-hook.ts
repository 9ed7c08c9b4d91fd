// Client events to a pino-style logger (anything with info/warn/error taking
// an object and a message): success at info, retries at warn, failures at error.
import type { ClientEvent, EventHook } from './events.ts';

export interface PinoLike {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
  debug?(object: object, message: string): void;
}

export function pinoHook(logger: PinoLike): EventHook {
  return (event: ClientEvent) => {
    const { type, ...fields } = event;
    switch (type) {
      case 'request':
        logger.debug?.(fields, 'snippets request');
        return;
      case 'success':
        logger.info(fields, 'snippets request succeeded');
        return;
      case 'retry':
        logger.warn(fields, `snippets request will be retried in ${event.delayMs} ms (${event.reason})`);
        return;
      case 'failure':
        logger.error(fields, 'snippets request failed');
    }
  };
}
