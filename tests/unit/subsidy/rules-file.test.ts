import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runRules } from '../../../cli/rules-command.js';
import { makeSubsidyRulesSource, readSubsidyRulesFile } from '#shared/adapters/rules-file.js';
import { loadSubsidyRules, SubsidyRulesError } from '#shared/schemas/subsidy-rules.js';

const bundled = loadSubsidyRules();

/** A valid one-rule file, as a bureau would write it. */
const goodFile = (version: string) => ({
  format: 2,
  version,
  currency: 'CNY',
  notice: { zh: '以当地政策为准', en: 'local policy prevails' },
  providerDeclared: { name: { zh: '课程方申报补贴', en: 'Provider subsidy' }, kind: 'training', paid: 'after_certificate' },
  totalCap: { percentOfPrice: 100 },
  rules: [
    { id: 'yq-veteran', name: { zh: '延庆退役军人培训补贴', en: 'Yanqing veterans' }, source: '延庆区人社局通知', example: false, kind: 'training', payer: { region: '110119' }, who: { groups: ['veteran'] }, amount: { fixedYuan: 1500 }, paid: 'upfront' },
  ],
});

describe('subsidy rules file', () => {
  it('ships a valid rule set with a version, a source note per rule, 示例 on examples and the local-policy notice', () => {
    // Assess
    expect(bundled.format).toBe(2);
    expect(bundled.version).toMatch(/\S/);
    expect(bundled.notice.zh).toContain('以当地政策为准');
    expect(bundled.rules.every((r) => r.source.length > 20)).toBe(true);
    expect(bundled.rules.filter((r) => r.example).every((r) => r.name.zh.includes('示例') && /example/i.test(r.name.en))).toBe(true);
    const upgrade = bundled.rules.find((r) => r.id === 'sh-ai-data-labelling-certificate-upgrade');
    expect(upgrade).toMatchObject({ kind: 'skill_upgrade', paid: 'after_certificate', payer: { region: '310000' }, who: { insuredWithPayer: true } });
  });

  it('rejects bad rules with errors naming each rule and field', () => {
    // Prepare
    const bad = goodFile('x');
    bad.rules.push(
      { ...bad.rules[0]!, id: 'bad-region', payer: { region: '999999' } },
      { ...bad.rules[0]!, id: 'bad-amount', amount: { fixedYuan: -5 } },
      { ...bad.rules[0]!, id: 'bad-group', who: { groups: ['pirates' as 'veteran'] } },
      { ...bad.rules[0]!, id: 'yq-veteran' },
    );

    // Act
    const act = () => loadSubsidyRules(bad);

    // Assess
    expect(act).toThrow(SubsidyRulesError);
    const issues = (() => {
      try {
        act();
        return [];
      } catch (err) {
        return [...(err as SubsidyRulesError).issues];
      }
    })();
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^rule "bad-region" \(rules\[1\]\) field payer\.region: /),
        expect.stringMatching(/^rule "bad-amount" \(rules\[2\]\) field amount/),
        expect.stringMatching(/^rule "bad-group" \(rules\[3\]\) field who\.groups\.0: /),
        expect.stringMatching(/^rule "yq-veteran" \(rules\[4\]\) field id: duplicate/),
      ]),
    );
  });

  describe('a file in service', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'sb-rules-'));
    });
    afterEach(() => {
      rmSync(dir, { recursive: true, force: true });
      vi.restoreAllMocks();
    });

    it('serves a good file, and keeps serving it when a bad edit follows', () => {
      // Prepare
      const path = join(dir, 'rules.json');
      writeFileSync(path, JSON.stringify(goodFile('bureau-1')));
      let clock = 0;
      const errors: Error[] = [];
      const rules = makeSubsidyRulesSource({ path, onError: (e) => errors.push(e), now: () => clock, checkEveryMs: 1000 });

      // Act
      const first = rules();
      writeFileSync(path, JSON.stringify({ ...goodFile('bureau-2'), rules: [{ ...goodFile('x').rules[0], amount: { fixedYuan: 0 } }] }));
      utimesSync(path, new Date(), new Date(Date.now() + 10_000));
      clock = 2000;
      const afterBadEdit = rules();

      // Assess
      expect(first.version).toBe('bureau-1');
      expect(afterBadEdit.version).toBe('bureau-1');
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message).toMatch(/rule "yq-veteran" \(rules\[0\]\) field amount/);
    });

    it('serves the bundled rules while the file was never valid', () => {
      // Prepare
      const path = join(dir, 'rules.json');
      writeFileSync(path, '{ not json');
      const errors: Error[] = [];

      // Act
      const served = makeSubsidyRulesSource({ path, onError: (e) => errors.push(e) })();

      // Assess
      expect(served.version).toBe(bundled.version);
      expect(errors[0]!.message).toMatch(/is not JSON/);
    });

    it('checks a file from the command line: exit 0 when valid, 1 naming the bad rule', async () => {
      // Prepare
      const good = join(dir, 'good.json');
      const bad = join(dir, 'bad.json');
      writeFileSync(good, JSON.stringify(goodFile('ok')));
      writeFileSync(bad, JSON.stringify({ ...goodFile('no'), rules: [{ ...goodFile('x').rules[0], kind: 'bonus' }] }));
      const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);

      // Act
      const okCode = await runRules(['check', good]);
      const badCode = await runRules(['check', bad]);

      // Assess
      expect(okCode).toBe(0);
      expect(String(out.mock.calls[0]?.[0])).toContain('Version ok, 1 rules');
      expect(badCode).toBe(1);
      expect(String(err.mock.calls[0]?.[0])).toMatch(/rule "yq-veteran" \(rules\[0\]\) field kind/);
      expect(readSubsidyRulesFile(good).rules[0]!.limits).toEqual({ oncePerYear: true, oncePerOccupationLevel: true });
    });
  });
});
