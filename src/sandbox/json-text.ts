// JSON that is already serialized. A handler may return parts of its answer
// as JsonText (a snippet served from memory, say); the envelope splices the
// text in as it is instead of serializing the value again.
export class JsonText {
  constructor(readonly text: string) {}

  static of(value: unknown): JsonText {
    return new JsonText(JSON.stringify(value));
  }
}

/** The JSON text of a value, or undefined where JSON.stringify would leave the property out. */
export function jsonTextOf(value: unknown): string | undefined {
  return value instanceof JsonText ? value.text : JSON.stringify(value);
}
