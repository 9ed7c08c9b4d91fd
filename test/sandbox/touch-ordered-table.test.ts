import { describe, expect, it } from 'vitest';
import { TouchOrderedTable } from '../../src/sandbox/touch-ordered-table.ts';

/** The values from oldest to newest, emptying the table. */
function drain<V>(table: TouchOrderedTable<V>): V[] {
  const values: V[] = [];
  while (table.size > 0) {
    values.push(table.oldest!);
    table.deleteOldest();
  }
  return values;
}

describe('a touch-ordered table', () => {
  it('keeps entries in the order they were last written, oldest first', () => {
    const table = new TouchOrderedTable<string>(10);
    for (const key of ['a', 'b', 'c', 'd']) table.set(key, key);
    table.set('b', 'b2'); // written again: now the newest
    table.delete('c');
    expect(table.get('b')).toBe('b2');
    expect(table.get('c')).toBeUndefined();
    expect(drain(table)).toEqual(['a', 'd', 'b2']);
    expect(table.oldest).toBeUndefined();
  });

  it('forgets the oldest entry when a new key finds it full, not when a held key is written again', () => {
    const table = new TouchOrderedTable<number>(3);
    for (const [i, key] of ['a', 'b', 'c'].entries()) table.set(key, i);
    table.set('a', 10);
    expect(table.size).toBe(3);
    table.set('d', 3);
    expect(table.size).toBe(3);
    expect(table.get('b')).toBeUndefined();
    expect(drain(table)).toEqual([2, 10, 3]);
  });

  it('refuses a capacity under 1', () => {
    expect(() => new TouchOrderedTable(0)).toThrow(RangeError);
  });
});
