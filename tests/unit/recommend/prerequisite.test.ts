import { describe, expect, it } from 'vitest';
import { meetsPrerequisite, prerequisiteClauses, prerequisiteOf } from '#shared/domain/recommend/prerequisite.js';
import { loadTaxonomy } from '#shared/taxonomy/taxonomy.js';

const taxonomy = loadTaxonomy();

describe('what a course asks for on entry, read from its words', () => {
  it('takes the clause after each cue, up to the end of the clause or 的', () => {
    // Act
    const clauses = prerequisiteClauses('面向已持CAAC执照的飞手：经纬M300实操。需持电工证或有电工基础，建议有2D标注基础。零基础可学');

    // Assess
    expect(clauses).toEqual(['CAAC执照', '电工证或有电工基础', '2D标注基础']);
  });

  it('reads nothing from a course that asks for nothing (零基础, 小白)', () => {
    expect(prerequisiteOf({ title: 'AI数据标注员 零基础入门', description: '适合想转行的小白，零基础，学完能接单。' }, taxonomy)).toBeUndefined();
  });

  it('names the skills asked for, any one of which will do, and accepts a narrower one', () => {
    // Prepare
    const course = { title: '无人机电力巡检进阶班（需已持执照）', description: '面向已持CAAC执照的飞手：输电线路精细化巡检。' };

    // Act
    const asked = prerequisiteOf(course, taxonomy)!;
    const vlos = taxonomy.childrenOf('caac-uav-licence').map((s) => s.id);

    // Assess: the licence, not the piloting the clause goes on to name after 的.
    expect(asked.skillIds).toEqual(['caac-uav-licence']);
    expect(vlos.length).toBeGreaterThan(0);
    expect(meetsPrerequisite(asked, new Map([[vlos[0]!, 3]]))).toBe(true);
    expect(meetsPrerequisite(asked, new Map([['uav-multirotor-piloting', 3]]))).toBe(false);
    expect(meetsPrerequisite(undefined, new Map())).toBe(true);
  });

  it('reads alternatives joined by 或 as either one', () => {
    // Act
    const asked = prerequisiteOf({ title: '充电桩安装调试与运维', description: '需持电工证或有电工基础。' }, taxonomy)!;

    // Assess
    expect(asked.skillIds).toEqual(['electrician-certificate', 'electrician-work']);
    expect(meetsPrerequisite(asked, new Map([['electrician-work', 2]]))).toBe(true);
  });
});
