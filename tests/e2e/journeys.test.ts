import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callApi, checkPage, newContext, pageToken, screenshots, signIn, startJourney, waitReady, type BrowserStorage } from './harness.js';

/**
 * The three journeys end to end in Chromium against the real `npm start` (in memory, seeded
 * catalogue): a job seeker, an employer and a bureau officer, each page checked with axe-core and
 * photographed at 360 px and desktop width (tests/e2e/screenshots/).
 */

const journey = startJourney();

/** Whether the API serves a route yet (other parts of the service are being built alongside). */
async function routeExists(page: Page, method: string, path: string): Promise<boolean> {
  const token = await pageToken(page);
  const res = await fetch(`${journey.base}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(method === 'POST' ? { body: '{}' } : {}) });
  if (res.status !== 404 && res.status !== 405) return true;
  const problem = (await res.json().catch(() => ({}))) as { detail?: string };
  return !problem.detail?.startsWith('No route');
}

describe('job seeker journey', () => {
  it('builds a profile from a résumé, keeps input on errors, saves, updates with If-Match, and sees jobs and courses', async () => {
    const context = await newContext(journey.browser);
    const page = await context.newPage();
    const writes: Request[] = [];
    page.on('request', (r) => {
      if (['POST', 'PATCH'].includes(r.method()) && r.url().includes('/me/profile')) writes.push(r);
    });

    // Sign-in page: the first thing anyone sees.
    await page.goto(`${journey.base}/`);
    await waitReady(page, 'signin');
    expect(new URL(page.url()).pathname).toBe('/signin');
    await checkPage(page, 'signin');

    await signIn(page, journey.base, 'jobseeker', 'e2e-seeker');
    await waitReady(page, 'seeker-profile');
    await expect.poll(() => page.locator('h1').textContent()).toBe('我的资料');

    // Skills found live in a pasted résumé become chips.
    const resume = '退役军人，会无人机维修，熟练使用Excel，持有CAAC执照。';
    await page.locator('#resume').fill(resume);
    await page.locator('.chip', { hasText: '无人机维修' }).waitFor();
    await page.locator('.chip', { hasText: 'Excel' }).waitFor();

    // Autocomplete adds one more, by keyboard only.
    const add = page.locator('#skills-add');
    await add.fill('Python');
    await page.locator('[role="option"]').first().waitFor();
    await add.press('ArrowDown');
    await add.press('Enter');
    await page.locator('.chip', { hasText: 'Python' }).waitFor();
    // A level on the first chip.
    await page.locator('#skills-level-0').selectOption('3');

    // Saving without region and group: errors next to those fields, nothing typed lost.
    await page.getByRole('button', { name: '保存资料' }).click();
    const summary = page.locator('.notice.error[role="alert"]');
    await summary.waitFor();
    await expect.poll(() => page.locator('#group-error').count()).toBe(1);
    expect(await page.locator('#region-province').evaluate((el) => el.closest('fieldset')!.querySelector('.field-error') !== null)).toBe(true);
    expect(await page.locator('#resume').inputValue()).toBe(resume);
    expect(await page.locator('.chip').count()).toBeGreaterThanOrEqual(3);
    await checkPage(page, 'seeker-profile-errors');

    // Fix and save: region by two selects (a municipality folds its 市辖区), group, consent by keyboard.
    await page.locator('#region-province').selectOption({ label: '北京市' });
    await page.locator('#region-city').selectOption({ label: '延庆区' });
    await page.locator('#group').selectOption('veteran');
    await page.locator('#consent').focus();
    await page.keyboard.press('Space');
    expect(await page.locator('#consent').isChecked()).toBe(true);
    await page.getByRole('button', { name: '保存资料' }).click();
    await page.locator('.notice.ok', { hasText: '已保存' }).waitFor();
    // The first save creates the account's own profile: a whole one through PATCH /me/profile, no If-Match.
    const created = writes.at(-1)!;
    expect(created.method()).toBe('PATCH');
    expect(created.headers()['if-match']).toBeUndefined();
    expect(JSON.parse(created.postData() ?? '{}')).toMatchObject({ region: '110119', group: 'veteran', consentToShare: true });

    // A second save is a PATCH carrying the ETag.
    await page.locator('#years').fill('6');
    await page.getByRole('button', { name: '保存修改' }).click();
    await page.locator('.notice.ok', { hasText: '已保存' }).waitFor();
    const patched = writes.at(-1)!;
    expect(patched.method()).toBe('PATCH');
    expect(patched.headers()['if-match']).toBeTruthy();

    // Changed elsewhere meanwhile: 412, the form keeps what was typed, the next save wins.
    const token = await pageToken(page);
    const learnerId = (await callApi<{ id: string }>(journey.base, token, 'GET', '/me/profile')).id;
    const elsewhere = await fetch(`${journey.base}/learners/${learnerId}`, { method: 'PATCH', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ prefersOnline: true }) });
    expect(elsewhere.status).toBe(200);
    await page.locator('#years').fill('7');
    await page.getByRole('button', { name: '保存修改' }).click();
    await page.locator('.notice.warn', { hasText: '别处被改过' }).waitFor();
    expect(await page.locator('#years').inputValue()).toBe('7');
    await page.getByRole('button', { name: '保存修改' }).click();
    await page.locator('.notice.ok', { hasText: '已保存' }).waitFor();
    const stored = (await (await fetch(`${journey.base}/learners/${learnerId}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { yearsExperience: number };
    expect(stored.yearsExperience).toBe(7);
    await checkPage(page, 'seeker-profile');

    // Jobs that fit, with "n of m required skills".
    await page.getByRole('link', { name: '适合我的工作' }).first().click();
    await waitReady(page, 'seeker-jobs');
    if (await routeExists(page, 'GET', `/learners/${learnerId}/matches`)) {
      await page.locator('.result').first().waitFor();
      await expect.poll(() => page.locator('.status-line', { hasText: /必需技能满足 \d+\/\d+ 项/ }).count()).toBeGreaterThan(0);
    } else {
      await page.getByText('还在建设中').waitFor();
    }
    await checkPage(page, 'seeker-jobs');

    // Courses: the pathway, hours, net cost after subsidy and the rule behind it.
    await page.getByRole('link', { name: '推荐课程' }).first().click();
    await waitReady(page, 'seeker-courses');
    if (await routeExists(page, 'GET', `/learners/${learnerId}/recommendations`)) {
      await page.locator('.result').first().waitFor();
      await expect.poll(() => page.getByText('补贴后自付').count()).toBeGreaterThan(0);
      // Net cost after subsidy as an amount, and the rule behind a subsidy.
      const nets = await page.locator('.result dd.money strong').allTextContents();
      expect(nets.some((n) => /¥|免费/.test(n))).toBe(true);
      await expect.poll(() => page.getByText('为什么有这笔补贴').count()).toBeGreaterThan(0);
      expect(await page.locator('.pathway li').count()).toBeGreaterThan(0);
    } else {
      await page.getByText('还在建设中').waitFor();
    }
    await checkPage(page, 'seeker-courses');

    // English on request, everywhere.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Courses for me');
    // The page sets <html lang> in an effect after rendering the new words: wait for it too.
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as BrowserStorage).document.documentElement.lang)).toBe('en');
    await screenshots(page, 'seeker-courses-en');
    await context.close();
  }, 180_000);
});

describe('employer journey', () => {
  it('posts a demand, uploads a CSV with row-level errors, sees matches and shortage insights', async () => {
    const context = await newContext(journey.browser);
    const page = await context.newPage();
    await signIn(page, journey.base, 'employer', 'e2e-employer');
    await waitReady(page, 'employer-demands');
    await checkPage(page, 'employer-demands');

    // A bad headcount comes back next to its field; everything else typed stays.
    await page.locator('#employer').fill('延庆区低空物流有限公司');
    await page.locator('#title').fill('无人机驾驶员');
    const skill = page.locator('#required-add');
    await skill.fill('无人机维修');
    await page.locator('[role="option"]').first().waitFor();
    await skill.press('ArrowDown');
    await skill.press('Enter');
    await page.locator('#required-level-0').selectOption('2');
    await page.locator('#demand-region-province').selectOption({ label: '北京市' });
    await page.locator('#demand-region-city').selectOption({ label: '延庆区' });
    await page.locator('#headcount').fill('0');
    await page.getByRole('button', { name: '发布岗位' }).click();
    await page.locator('#headcount-error').waitFor();
    expect(await page.locator('#headcount').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#title').inputValue()).toBe('无人机驾驶员');
    expect(await page.locator('.chip', { hasText: '无人机维修' }).count()).toBe(1);
    await checkPage(page, 'employer-demand-error');

    await page.locator('#headcount').fill('3');

    // The sign-in expires mid-way (the API answers 401 once): signing in again returns to the
    // page with everything typed still there.
    await page.route(/\/demands$/, (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({ status: 401, contentType: 'application/problem+json', body: JSON.stringify({ type: '/problems/unauthorized', title: 'Unauthorized', status: 401, detail: 'The token was rejected: "exp" claim timestamp check failed' }) })
        : route.fallback(),
    );
    await page.getByRole('button', { name: '发布岗位' }).click();
    await page.locator('.notice.warn', { hasText: '登录已过期' }).waitFor();
    await page.unrouteAll();
    expect(await page.locator('#role-employer').isChecked()).toBe(true);
    expect(await page.locator('#sub').inputValue()).toBe('e2e-employer');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/employer\/demands$/);
    await waitReady(page, 'employer-demands');
    expect(await page.locator('#title').inputValue()).toBe('无人机驾驶员');
    expect(await page.locator('#headcount').inputValue()).toBe('3');

    await page.getByRole('button', { name: '发布岗位' }).click();
    await page.locator('.notice.ok', { hasText: '已发布' }).waitFor();

    // CSV upload: Chinese column names, a quoted cell with a comma, two bad rows reported by line.
    const dir = mkdtempSync(join(tmpdir(), 'sb-e2e-csv-'));
    const file = join(dir, 'demands.csv');
    writeFileSync(
      file,
      '\uFEFF编号,单位名称,岗位名称,必需技能,工作地点,招聘人数,最低月薪,最高月薪\r\n' +
        'CSV-1,延庆区低空物流有限公司,"无人机维修员,兼职",无人机维修;电工,北京市延庆区,2,5000,8000\r\n' +
        'CSV-2,延庆区低空物流有限公司,仓库管理员,仓储管理,北京市延庆区,0,4000,6000\r\n' +
        'CSV-3,延庆区低空物流有限公司,客服专员,客户服务,火星,1,4000,6000\r\n' +
        'CSV-4,延庆区低空物流有限公司,叉车司机,叉车驾驶,北京市延庆区,1,6000,5000\r\n' +
        'CSV-5,延庆区低空物流有限公司,电工,电工,北京市延庆区,1,6000,9000\r\n',
    );
    await page.locator('#demand-file').setInputFiles(file);
    await page.locator('.notice', { hasText: '共5行' }).waitFor({ timeout: 30_000 });
    const lines = await page.locator('tr[data-line]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-line'))));
    expect([...new Set(lines)]).toEqual([3, 4, 5]);
    expect(await page.locator('.notice', { hasText: '已发布2行' }).count()).toBe(1);
    await checkPage(page, 'employer-upload');

    // The list shows the posted demands; matches of the one posted by form.
    await page.locator('.result', { hasText: '电工' }).first().waitFor();
    await page.getByRole('link', { name: '查看候选人：无人机驾驶员' }).click();
    await waitReady(page, 'demand-matches');
    const demandId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);
    if (await routeExists(page, 'GET', `/demands/${demandId}/matches`)) {
      await page.locator('.result').first().waitFor();
      await expect.poll(() => page.locator('.status-line', { hasText: /必需技能满足 \d+\/\d+ 项/ }).count()).toBeGreaterThan(0);
      // Only what the API sends: the explanation and region words, never contact fields.
      const text = await page.locator('ol.results').textContent();
      expect(text).not.toMatch(/1[3-9]\d{9}|@/);
    } else {
      await page.getByText('还在建设中').waitFor();
    }
    await checkPage(page, 'employer-matches');

    // Shortage insights for a region, as charts with the numbers in a table.
    await page.getByRole('link', { name: '技能紧缺情况' }).first().click();
    await waitReady(page, 'insights');
    if (await routeExists(page, 'GET', '/insights/shortage')) {
      await page.locator('#insights-region-province').selectOption({ label: '北京市' });
      await page.locator('h2', { hasText: '北京市的技能供需' }).waitFor();
      await page.locator('.chart canvas').first().waitFor();
      expect(await page.locator('table tbody tr').count()).toBeGreaterThan(0);
    } else {
      await page.getByText('还在建设中').waitFor();
    }
    await checkPage(page, 'employer-insights');
    await context.close();
  }, 180_000);
});

describe('bureau journey', () => {
  it('sees the dashboard, starts a campaign, watches progress, browses and downloads results', async (ctx) => {
    const context = await newContext(journey.browser);
    const page = await context.newPage();
    await signIn(page, journey.base, 'bureau', 'e2e-bureau', { province: '北京市' });
    await waitReady(page, 'bureau-dashboard');
    if (await routeExists(page, 'GET', '/insights/shortage')) {
      await page.locator('.chart canvas').first().waitFor();
      await page.locator('#areas-heading').waitFor();
      await page.locator('figure', { hasText: '各地区' }).locator('canvas').waitFor({ timeout: 30_000 });
    }
    // No campaign in the region yet: the list says so (GET /campaigns answers an empty page).
    if (await routeExists(page, 'GET', '/campaigns')) await page.getByText('本地区还没有专项活动。').waitFor();
    await checkPage(page, 'bureau-dashboard');

    await page.getByRole('link', { name: '新建专项活动' }).first().click();
    await waitReady(page, 'campaign-new');
    await page.locator('#campaign-name').fill('延庆区退役军人低空经济专场');
    await page.locator('#campaign-region-city').selectOption({ label: '延庆区' });
    await page.locator('#group-veteran').check();
    await page.locator('#group-graduate').check();
    await checkPage(page, 'campaign-new');

    if (!(await routeExists(page, 'POST', '/campaigns'))) {
      // The campaign routes are still being written: the page must say so in plain words and keep the form.
      await page.getByRole('button', { name: '开始匹配' }).click();
      await page.locator('.notice.error', { hasText: '还在建设中' }).waitFor();
      expect(await page.locator('#campaign-name').inputValue()).toBe('延庆区退役军人低空经济专场');
      await context.close();
      ctx.skip('POST /campaigns is not served yet: progress, results and CSV steps not exercised');
      return;
    }

    await page.getByRole('button', { name: '开始匹配' }).click();
    await page.waitForURL(/\/bureau\/campaigns\/(?!new)[^/]+$/);
    await waitReady(page, 'campaign');
    await page.locator('#campaign-progress').waitFor();
    await page.locator('.status-line', { hasText: '已完成' }).waitFor({ timeout: 90_000 });
    await page.locator('#results-heading').waitFor();
    await page.locator('#results-heading ~ * table:visible, #results-heading ~ .notice').first().waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载结果表格（CSV）' }).click();
    const file = await download;
    const csv = readFileSync((await file.path())!, 'utf8');
    expect(csv.split(/\r?\n/)[0]).toMatch(/learner/i);
    // What the matched people did next: the campaign's funnel (nobody has applied yet, so only "matched" counts).
    if (await routeExists(page, 'GET', '/insights/placements')) await page.locator('table#campaign-funnel').waitFor();
    await checkPage(page, 'campaign');

    // Back on the dashboard, the campaign is listed, with its status.
    await page.getByRole('link', { name: '← 回到数据看板' }).click();
    await waitReady(page, 'bureau-dashboard');
    await page.locator('#campaigns-heading').waitFor();
    await page.getByRole('link', { name: '延庆区退役军人低空经济专场' }).waitFor();
    await page.locator('li.result', { hasText: '延庆区退役军人低空经济专场' }).getByText('已完成', { exact: false }).waitFor();
    // The region's placements funnel now counts the learners the campaign matched.
    if (await routeExists(page, 'GET', '/insights/placements')) await page.locator('table#funnel tr.total').waitFor();
    await checkPage(page, 'bureau-dashboard-campaigns');
    await context.close();

    // The list comes from the API (GET /campaigns), not from this browser: a colleague of the
    // same region, in a fresh browser, sees the campaign too.
    const colleague = await newContext(journey.browser);
    const other = await colleague.newPage();
    await signIn(other, journey.base, 'bureau', 'e2e-bureau-colleague', { province: '北京市' });
    await waitReady(other, 'bureau-dashboard');
    await other.getByRole('link', { name: '延庆区退役军人低空经济专场' }).waitFor();
    await colleague.close();
  }, 240_000);

  it('shows a campaign’s progress, results, group match rates and CSV from contract-shaped answers', async () => {
    // The browser answers the campaign routes itself, with the shapes docs/api.md declares, so the pages
    // are checked whether or not the real routes exist yet (the journey above uses the real ones).
    const context = await newContext(journey.browser);
    const page = await context.newPage();
    let polls = 0;
    await page.route(/\/campaigns(\/|$|\?)/, async (route) => {
      const url = new URL(route.request().url());
      const json = (status: number, body: unknown) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
      if (route.request().method() === 'POST') return json(202, { id: 'cmp_e2e', status: 'queued', progress: { done: 0, total: 3, failed: 0 } });
      if (url.pathname === '/campaigns') {
        // GET /campaigns: one earlier campaign of the region, completed, with its report.
        return json(200, {
          items: [
            {
              id: 'cmp_earlier',
              name: '海淀区高校毕业生春季专场',
              region: '110108',
              status: 'completed',
              progress: { done: 40, total: 40, failed: 0 },
              createdAt: '2025-03-14T01:30:00.000Z',
              summary: { byGroup: [{ group: 'graduate', learners: 30, matched: 24 }, { group: 'veteran', learners: 10, matched: 5 }] },
            },
          ],
        });
      }
      if (url.pathname.endsWith('/results') && url.searchParams.get('format') === 'csv') {
        return route.fulfill({ status: 200, contentType: 'text/csv; charset=utf-8', body: 'learnerId,learnerRef,demandId,score\r\nl_1,A-1,d_1,0.8\r\n' });
      }
      if (url.pathname.endsWith('/results')) {
        const match = (title: string, score: number) => ({ id: `d_${title}`, ref: title, title, score, explanation: { summary: '', matched: [], partial: [], missing: [], region: '' } });
        return json(200, {
          items: [
            { learner: { id: 'l_1', ref: 'A-1' }, matches: [match('无人机驾驶员', 0.82)], recommendations: [{ id: 'c_1', ref: 'C-1' }] },
            { learner: { id: 'l_2', ref: 'A-2' }, matches: [], recommendations: [] },
            { learner: { id: 'l_3', ref: 'A-3' }, matches: [match('电工', 0.61), match('焊工', 0.4)], recommendations: [] },
          ],
          summary: { byGroup: { veteran: { learners: 2, matched: 1 }, graduate: { learners: 1, matched: 1 } } },
        });
      }
      polls++;
      const done = Math.min(3, polls);
      return json(200, { id: 'cmp_e2e', name: '延庆区退役军人低空经济专场', region: '110119', status: done === 3 ? 'completed' : 'running', progress: { done, total: 3, failed: 0 } });
    });

    await signIn(page, journey.base, 'bureau', 'e2e-bureau-stub', { province: '北京市' });
    await waitReady(page, 'bureau-dashboard');
    // The dashboard lists the region's campaigns and charts match rates from the newest report.
    await page.getByRole('link', { name: '海淀区高校毕业生春季专场' }).waitFor();
    await page.locator('figure', { hasText: '各类人群的匹配率' }).locator('canvas').waitFor();
    await page.getByRole('link', { name: '新建专项活动' }).first().click();
    await waitReady(page, 'campaign-new');
    await page.locator('#campaign-name').fill('延庆区退役军人低空经济专场');
    await page.locator('#group-veteran').check();
    await page.getByRole('button', { name: '开始匹配' }).click();
    await page.waitForURL(/\/bureau\/campaigns\/cmp_e2e$/);
    await page.locator('#campaign-progress').waitFor();
    await page.locator('.status-line', { hasText: '已完成' }).waitFor();
    expect(polls).toBeGreaterThanOrEqual(3);
    await page.locator('table caption', { hasText: '共3位求职者' }).waitFor();
    await page.locator('figure', { hasText: '各类人群的匹配率' }).locator('canvas').waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载结果表格（CSV）' }).click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    expect(csv).toContain('learnerId');
    await checkPage(page, 'campaign');
    await context.close();
  }, 120_000);
});
