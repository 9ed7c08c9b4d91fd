// String formats of the contract whose check a regular expression cannot say
// alone. `npm run generate` copies this file to generated/formats.js, where the
// standalone validators import it (generated/ imports nothing outside itself).

// RFC 3339 `date-time`: full-date "T" full-time, with a time zone (Z or
// +hh:mm). The shape is one allocation-free regex test; what a regex cannot
// say (days in the month, a leap second only at 23:59 UTC) is arithmetic.
const DATE_TIME_SHAPE = /^\d{4}-\d\d-\d\d[Tt]\d\d:\d\d:\d\d(?:\.\d+)?(?:[Zz]|[+-]\d\d:\d\d)$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function twoDigits(text, at) {
  return (text.charCodeAt(at) - 48) * 10 + (text.charCodeAt(at + 1) - 48);
}

function isLeapYear(year) {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function isDateTime(text) {
  if (typeof text !== 'string' || !DATE_TIME_SHAPE.test(text)) return false;
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (month < 1 || month > 12 || day < 1) return false;
  if (day > (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1])) return false;
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  let offsetMinutes = 0;
  const last = text.charCodeAt(text.length - 1);
  if (last !== 90 && last !== 122) {
    const sign = text.charCodeAt(text.length - 6) === 45 ? -1 : 1;
    const offsetHour = twoDigits(text, text.length - 5);
    const offsetMinute = twoDigits(text, text.length - 2);
    if (offsetHour > 23 || offsetMinute > 59) return false;
    offsetMinutes = sign * (offsetHour * 60 + offsetMinute);
  }
  if (hour > 23 || minute > 59 || second > 60) return false;
  if (second < 60) return true;
  const utcMinuteOfDay = (((hour * 60 + minute - offsetMinutes) % 1440) + 1440) % 1440;
  return utcMinuteOfDay === 23 * 60 + 59;
}

const dateTime = { type: 'string', validate: isDateTime };
export { dateTime as 'date-time' };

// `int32` and `int64` (OpenAPI's integer formats): a whole number in the
// format's range. For int64 that range is the one a JSON number keeps exact
// in JavaScript (±(2^53 - 1)); the contract states no integer beyond it.
const int32 = { type: 'number', validate: (n) => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647 };
const int64 = { type: 'number', validate: (n) => Number.isSafeInteger(n) };
export { int32, int64 };
