import { describe, expect, it } from 'vitest';
import { normaliseRegion, regionChain, regionContains, regionDistance, regionName } from '#shared/regions/regions.js';

describe('normaliseRegion', () => {
  it.each([
    ['110119', '110119', '北京市延庆区', 'district'],
    ['北京市延庆区', '110119', '北京市延庆区', 'district'],
    ['广东省深圳市南山区', '440305', '广东省深圳市南山区', 'district'],
    ['延庆区', '110119', '北京市延庆区', 'district'],
    ['延庆', '110119', '北京市延庆区', 'district'],
    ['深圳市', '440300', '广东省深圳市', 'city'],
    ['上海', '310000', '上海市', 'province'],
    ['11', '110000', '北京市', 'province'],
    ['4403', '440300', '广东省深圳市', 'city'],
    ['广东深圳南山', '440305', '广东省深圳市南山区', 'district'],
    ['北京 朝阳区', '110105', '北京市朝阳区', 'district'],
    ['南京鼓楼', '320106', '江苏省南京市鼓楼区', 'district'],
    ['内蒙古', '150000', '内蒙古自治区', 'province'],
    ['延边', '222400', '吉林省延边朝鲜族自治州', 'city'],
    ['河南省济源市', '419001', '河南省济源市', 'district'],
    ['东莞', '441900', '广东省东莞市', 'city'],
  ])('reads %s as %s %s', (input, code, name, level) => {
    // Act
    const region = normaliseRegion(input);

    // Assess
    expect(region).toMatchObject({ code, name, level });
  });

  it('reads national and 全国', () => {
    // Act and Assess
    expect(normaliseRegion('national')).toEqual({ code: 'national', name: '全国', level: 'national' });
    expect(normaliseRegion('全国')?.code).toBe('national');
  });

  it('fills province and city codes on a district', () => {
    // Act
    const region = normaliseRegion('110119');

    // Assess
    expect(region).toEqual({ code: '110119', name: '北京市延庆区', level: 'district', provinceCode: '110000', cityCode: '110100' });
  });

  it('takes the highest level a short name can mean (吉林 → 吉林省, 北京市 → the province)', () => {
    // Act and Assess
    expect(normaliseRegion('吉林')?.code).toBe('220000');
    expect(normaliseRegion('吉林市')?.code).toBe('220200');
    expect(normaliseRegion('北京市')?.code).toBe('110000');
  });

  it('reads a district named after its city without the city’s name once the city is given (江苏省苏州市工业园区)', () => {
    // Act and Assess: 苏州工业园区 is 320576; 工业园区 alone names no one place.
    expect(normaliseRegion('江苏省苏州市工业园区')?.code).toBe('320576');
    expect(normaliseRegion('苏州市工业园区')?.code).toBe('320576');
    expect(normaliseRegion('苏州工业园区')?.code).toBe('320576');
    expect(normaliseRegion('工业园区')).toBeUndefined();
  });

  it.each(['朝阳区', '鼓楼区', '不存在的地方', '', '999999', '12345'])('returns undefined for ambiguous or unknown %j', (input) => {
    // Act and Assess
    expect(normaliseRegion(input)).toBeUndefined();
  });
});

describe('regionChain', () => {
  it('runs from a district through its city and province to national', () => {
    // Act and Assess
    expect(regionChain('440305')).toEqual(['440305', '440300', '440000', 'national']);
  });

  it('keeps the municipal 市辖区 level (110100) for Beijing districts', () => {
    // Act and Assess
    expect(regionChain('110119')).toEqual(['110119', '110100', '110000', 'national']);
    expect(regionName('110100')).toBe('北京市');
  });

  it('handles cities without districts and short codes', () => {
    // Act and Assess
    expect(regionChain('441900')).toEqual(['441900', '440000', 'national']);
    expect(regionChain('44')).toEqual(['440000', 'national']);
    expect(regionChain('national')).toEqual(['national']);
    expect(regionChain('999999')).toEqual([]);
  });
});

describe('regionContains', () => {
  it('is inclusive and national contains everything', () => {
    // Act and Assess
    expect(regionContains('110000', '110119')).toBe(true);
    expect(regionContains('110100', '110119')).toBe(true);
    expect(regionContains('110119', '110119')).toBe(true);
    expect(regionContains('national', '440305')).toBe(true);
    expect(regionContains('44', '440305')).toBe(true);
    expect(regionContains('310000', '110119')).toBe(false);
    expect(regionContains('110119', '110000')).toBe(false);
  });
});

describe('regionName', () => {
  it('gives the full name of a code', () => {
    // Act and Assess
    expect(regionName('440305')).toBe('广东省深圳市南山区');
    expect(regionName('national')).toBe('全国');
    expect(regionName('000000')).toBeUndefined();
  });
});

describe('regionDistance', () => {
  it.each([
    ['110119', '110119', 0],
    ['110119', '110105', 1],
    ['440305', '440306', 1],
    ['440300', '440305', 1],
    ['440305', '440106', 2],
    ['440000', '440305', 2],
    ['429004', '429005', 2],
    ['110119', '310101', 3],
    ['national', '110119', 3],
    ['national', 'national', 0],
  ] as const)('puts %s and %s at distance %i', (a, b, expected) => {
    // Act
    const distance = regionDistance(a, b);

    // Assess
    expect(distance).toBe(expected);
    expect(regionDistance(b, a)).toBe(expected);
  });
});

describe('municipalities', () => {
  it('are one city: the municipality itself, its districts and its counties', () => {
    expect(regionDistance('310115', '310000')).toBe(1);
    expect(regionDistance('110000', '110119')).toBe(1);
    expect(regionDistance('120116', '120000')).toBe(1);
    expect(regionDistance('500103', '500000')).toBe(1);
    expect(regionDistance('500103', '500229')).toBe(1);
    expect(regionDistance('310115', '320505')).toBe(3);
  });
});
