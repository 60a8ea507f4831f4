/**
 * Checks against the bundled taxonomy (`shared/taxonomy/data`): that it loads, that the
 * extractor's shortcuts hold for every term in it, and a few extractions people rely on.
 */
import { describe, expect, it } from 'vitest';
import { extractSkills, termWords } from '#shared/taxonomy/extract.js';
import { tokenize } from '#shared/taxonomy/natural.js';
import { normaliseSkillInputs } from '#shared/taxonomy/normalise.js';
import { loadTaxonomy } from '#shared/taxonomy/taxonomy.js';

const ids = (text: string): string[] => extractSkills(text).items.map((item) => item.skillId);

describe('bundled taxonomy', () => {
  it('loads, passes its checks and is memoised', () => {
    // Act
    const taxonomy = loadTaxonomy();

    // Assess
    expect(taxonomy.skills.size).toBeGreaterThan(100);
    expect(taxonomy.occupations.size).toBeGreaterThan(10);
    expect(loadTaxonomy()).toBe(taxonomy);
  });

  it('has every occupation requirement pointing at a live skill', () => {
    // Prepare
    const taxonomy = loadTaxonomy();

    // Act
    const dead = [...taxonomy.occupations.values()].flatMap((occupation) =>
      [...occupation.essential, ...occupation.optional]
        .filter(({ skill }) => taxonomy.getSkill(skill)?.deprecated !== undefined)
        .map(({ skill }) => `${occupation.id} → ${skill}`),
    );

    // Assess
    expect(dead).toEqual([]);
  });

  it('splits every English term the same way as natural\'s tokeniser', () => {
    // Prepare
    const terms = [...loadTaxonomy().skills.values()].flatMap((skill) => [skill.en, ...skill.synonyms.en, ...skill.synonyms.zh]);

    // Act
    const disagreements = terms.filter((term) => termWords(term).join(' ') !== tokenize(term).map((token) => token.text).join(' '));

    // Assess
    expect(disagreements).toEqual([]);
  });

  it('finds each skill by its own labels', () => {
    // Prepare
    const taxonomy = loadTaxonomy();
    const live = [...taxonomy.skills.values()].filter((skill) => skill.deprecated === undefined);

    // Act
    const missed = live.flatMap((skill) =>
      [skill.zh, skill.en]
        .filter((label) => !extractSkills(label, taxonomy).items.some((item) => item.skillId === skill.id))
        .map((label) => `${skill.id}: ${label}`),
    );

    // Assess: a label that finds another skill is ambiguous in the data, not a miss to tune away.
    expect(missed).toEqual([]);
  });

  it('searches both languages', () => {
    // Prepare
    const taxonomy = loadTaxonomy();

    // Act
    const zh = taxonomy.search('无人机');
    const en = taxonomy.search('forklift');

    // Assess
    expect(zh.map((hit) => hit.skillId)).toContain('uav-piloting');
    expect(en.slice(0, 2).map((hit) => hit.skillId)).toContain('forklift-operation');
  });
});

describe('extractSkills on the bundled taxonomy', () => {
  it('maps 会开无人机 to UAV piloting', () => {
    // Act and Assess
    expect(ids('会开无人机')).toEqual(['uav-piloting']);
  });

  it('keeps 数据录入, 数据标注 and 数据分析 apart', () => {
    // Act and Assess
    expect(ids('数据录入')).toEqual(['data-entry']);
    expect(ids('数据标注')).toEqual(['data-annotation']);
    expect(ids('数据分析')).toEqual(['data-analysis']);
  });

  it('reads levels from the words around a skill', () => {
    // Act
    const chinese = extractSkills('熟练使用Python').items;
    const english = extractSkills('Expert in PLC programming').items;

    // Assess
    expect(chinese).toMatchObject([{ skillId: 'python-programming', level: 3 }]);
    expect(english).toMatchObject([{ skillId: 'plc-programming', level: 5 }]);
  });

  it('handles mixed Chinese and English', () => {
    // Act and Assess
    expect(ids('会开叉车, and welding experience')).toEqual(['forklift-operation', 'welding']);
  });

  it('reads "your CV" as a résumé, and CV算法 as computer vision', () => {
    // Act and Assess
    expect(ids('Please send your CV to hr@example.com')).toEqual([]);
    expect(ids('CV算法工程师')).toContain('computer-vision');
  });

  it('reads job titles and versions the way postings write them', () => {
    // Act and Assess
    expect(ids('former truck driver, C1驾照')).toEqual(['truck-driving', 'driving-licence-c1']);
    expect(ids('Python3, CentOS7')).toEqual(['python-programming', 'linux-administration']);
  });

  it('leaves everyday words unmapped', () => {
    // Act
    const result = extractSkills('喜欢做饭和旅游');

    // Assess
    expect(result.items).toEqual([]);
    expect(result.unmapped.length).toBeGreaterThan(0);
  });

  it('does not read 车工 or 电工 inside another word as the trade', () => {
    // Act / Assess: a textile machine tender, a car-wash worker, a car factory and engineers are no
    // lathe turners or electricians (the assembly line of 汽车工厂流水线 and the driving of 开车工作 are read as such).
    for (const text of ['洗车工', '汽车工程师', '汽车工厂流水线', '开车工作', '光电工程师', '机电工程']) {
      expect(ids(text), text).not.toContain('conventional-lathe');
      expect(ids(text), text).not.toContain('electrician-work');
      // What is not read as a skill is kept as text, never dropped.
      const { items, unmapped } = extractSkills(text);
      expect(items.length + unmapped.length, text).toBeGreaterThan(0);
    }
    // 挡车工 is a trade of its own: tending looms.
    expect(ids('纺织厂挡车工十年')).toEqual(['loom-tending']);
    // 铲车 is a loader on a site and a forklift in a warehouse or a factory.
    expect(ids('在临沂物流园开铲车8年了')).toEqual(['forklift-operation']);
    expect(ids('之前在昆山厂里开过三年铲车')).toEqual(['forklift-operation']);
    expect(ids('在砂石场开铲车（装载机）八年')).toEqual(['earthmoving-machinery-operation']);
    expect(ids('开铲车')).toEqual(['earthmoving-machinery-operation']);
    // 验货 is garment QC in a clothing factory and checking goods at a warehouse's dock.
    expect(ids('服装厂尾部验货三年')).toEqual(['fabric-inspection']);
    expect(ids('物流园收发货，对单验货')).toContain('warehouse-management');
    expect(ids('物流园收发货，对单验货')).not.toContain('fabric-inspection');
    // Parcels and take-away are two jobs of delivery (graders rank a courier above a food rider for a courier's post).
    expect(ids('手机扫码派件')).toEqual(['parcel-delivery']);
    expect(ids('送外卖三年')).toEqual(['food-delivery']);
    expect(ids('配送员')).toEqual(['last-mile-delivery']);
    // Knitwear is its own: tending a flat knitting machine is not weaving, and linking is not sewing.
    expect(ids('电脑横机挡车+调机')).toEqual(['flat-knitting']);
    expect(ids('羊毛衫套口十年')).toEqual(['knitwear-linking']);
    // The trades themselves still read as such, alone or in longer names.
    expect(ids('招聘车工2名')).toEqual(['conventional-lathe']);
    expect(ids('数控车工')).toEqual(['cnc-lathe']);
    expect(ids('叉车工')).toEqual(['forklift-operation']);
    expect(ids('维修电工')).toEqual(['electrician-work']);
    // The special-operations permit is the electrician's certificate, not the trade itself; the low- and
    // high-voltage permits are two credentials, and 电工证 alone names neither.
    expect(ids('持低压电工作业证')).toEqual(['electrician-certificate-lv']);
    expect(ids('有高压证和进网许可证')).toEqual(['electrician-certificate-hv']);
    expect(ids('有电工证')).toEqual(['electrician-certificate']);
    expect(ids('会车工和焊工')).toEqual(['conventional-lathe', 'welding']);
  });

  it('reads how workers describe elderly care, drone line inspection and servo work', () => {
    expect(ids('近两年在雇主家照顾老人')).toEqual(['elderly-care']);
    expect(ids('从事无人机电力巡线三年')).toEqual(['uav-inspection']);
    expect(ids('伺服调试')).toEqual(['servo-motion-control']);
  });

  it('normalises a mixed list', () => {
    // Act
    const { skills, errors } = normaliseSkillInputs(['uav-piloting', { skill: '电工', level: '高级工' }, '会做红烧肉']);

    // Assess
    expect(errors).toEqual([]);
    expect(skills.map(({ skillId, level }) => ({ skillId, level }))).toEqual([
      { skillId: 'uav-piloting', level: null },
      { skillId: 'electrician-work', level: 3 },
      { skillId: null, level: null },
    ]);
  });

  it('reads an entry whose skill depends on the work around it with the rest of its list (开铲车 beside 前移式叉车)', () => {
    // Act
    const idsOf = (list: Parameters<typeof normaliseSkillInputs>[0]) => normaliseSkillInputs(list).skills.map((s) => s.skillId);

    // Assess
    expect(idsOf([{ skill: '开铲车', level: '熟练' }, '前移式叉车', '高位货架'])).toEqual(['forklift-operation']);
    expect(idsOf(['开铲车', '装载机', '挖掘机'])).toEqual(['earthmoving-machinery-operation']);
    expect(idsOf(['开铲车'])).toEqual(['earthmoving-machinery-operation']);
    // 配药 is a crop sprayer's pesticide mixing, and a carer's medicines beside their work.
    expect(idsOf(['配药', '大疆T40'])).toContain('pesticide-mixing');
    expect(idsOf(['配药', '协助老人服药'])).toEqual(['medication-assistance']);
  });
});

describe('taxonomy 2026.12: textile, BIM, agricultural drones, the two CAAC licences', () => {
  it('reads textile and garment work, BIM and drone credentials as people write them', () => {
    expect(ids('喷水织机挡车，会接头')).toContain('loom-tending');
    expect(ids('电脑平车')).toEqual(['sewing-machine-operation']);
    expect(ids('Revit建模（土建+机电）')).toContain('bim-modelling');
    expect(ids('管综碰撞检查')).toContain('bim-clash-detection');
    expect(ids('农用无人机操作证')).toEqual(['agricultural-uav-operator-certificate']);
    expect(ids('CAAC视距内驾驶员执照')).toEqual(['caac-uav-licence-vlos']);
    expect(ids('超视距机长执照')).toEqual(['caac-uav-licence-bvlos']);
  });
});
