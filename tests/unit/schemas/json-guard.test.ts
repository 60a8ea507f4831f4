import { describe, expect, it } from 'vitest';
import { inspectJson } from '../../../shared/schemas/json-guard.js';

describe('inspectJson', () => {
  it('names prototype keys and lone surrogates by path', () => {
    const value = JSON.parse('{"a":{"__proto__":{"x":1}},"b":["ok","\\udc00"],"constructor":1}');

    expect(inspectJson(value).map((i) => i.path)).toEqual(['/a/__proto__', '/b/1', '/constructor']);
  });

  it('accepts ordinary Chinese, emoji and nested data', () => {
    expect(inspectJson({ t: '数据标注 🚁', list: [{ n: 1 }] })).toEqual([]);
  });

  it('refuses absurd nesting', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 50; i++) deep = [deep];
    expect(inspectJson(deep)).toHaveLength(1);
  });
});
