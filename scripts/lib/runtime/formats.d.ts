/** RFC 3339 date-time with a time zone, days of the month and leap seconds checked. */
export declare function isDateTime(text: unknown): boolean;
declare const dateTime: { type: 'string'; validate: (text: string) => boolean };
export { dateTime as 'date-time' };
