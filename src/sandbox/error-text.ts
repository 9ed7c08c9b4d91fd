// An error's texts are bounded by the contract (ErrorResponse.message,
// ErrorDetail.field ... have a maxLength), yet some quote the request: an
// unknown path, a property name the client made up. Those are cut to the
// bound, the last character an ellipsis, so that every answer conforms.
const ELLIPSIS = '…';

/** `text` when it is at most `max` characters (code points, as maxLength counts), else its start and `…`: `max` in all. */
export function clipText(text: string, max: number): string {
  // A string of at most `max` UTF-16 units has at most `max` code points.
  if (text.length <= max) return text;
  // Walk at most `max` code points (a surrogate pair is one); remember where the first max - 1 end.
  let end = 0;
  let cut = 0;
  for (let points = 0; points < max && end < text.length; points++) {
    if (points === max - 1) cut = end;
    const code = text.charCodeAt(end);
    const next = text.charCodeAt(end + 1);
    end += code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  }
  return end >= text.length ? text : text.slice(0, cut) + ELLIPSIS;
}
