// How deep a JSON text nests, found before it is parsed. JSON.parse of a
// body nested hundreds of thousands of levels deep holds the event loop for
// a tenth of a second or more; no request body of the contract nests more
// than a handful of levels, so such a body is refused before it is parsed.
// One pass over the text, strings skipped, stopping as soon as it is too deep.

const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Whether `text` (not yet known to be valid JSON) nests arrays and objects more than `max` levels deep. */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > max) return true;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      depth--;
    }
  }
  return false;
}
