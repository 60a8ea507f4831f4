import { describe, expect, it } from 'vitest';
import { callApi, checkPage, devToken, newContext, signIn, startJourney, waitReady } from './harness.js';

/**
 * The bureau's 申请与邀请 page in Chromium against the real `npm start` (in memory): its region's
 * applications and invitations with status and times, ten at a time, filtered by status and kind,
 * never a contact detail; checked with axe-core and photographed at 360 px, in Chinese and English.
 */

const journey = startJourney();

const TITLE = '无人机维修员（延庆）';
const FAR_TITLE = '仓库管理员（浦东）';
const demand = (ref: string, title: string, region: string) => ({
  ref,
  employer: '延庆区低空巡检有限公司',
  title,
  description: '负责无人机的日常维护。',
  requiredSkills: ['无人机维修'],
  preferredSkills: [],
  region,
  headcount: 20,
});
const phoneOf = (i: number) => `1390000${String(1000 + i)}`;

describe('bureau applications and invitations page', () => {
  it('lists the region’s applications ten at a time, filters by status and kind, shows no contact details, in zh and en', async () => {
    // Prepare: 12 applications to a demand in 延庆 (two accepted), one to a demand in 浦东 (outside
    // the bureau's region), one invitation; every seeker left a phone number.
    const employer = await devToken(journey.base, { role: 'employer', sub: 'be-employer' });
    const near = await callApi<{ id: string }>(journey.base, employer, 'POST', '/demands', demand('be-near', TITLE, '110119'));
    const far = await callApi<{ id: string }>(journey.base, employer, 'POST', '/demands', demand('be-far', FAR_TITLE, '310115'));
    const applications: string[] = [];
    for (let i = 0; i < 13; i++) {
      const seeker = await devToken(journey.base, { role: 'jobseeker', sub: `be-seeker-${i}` });
      await callApi(journey.base, seeker, 'PATCH', '/me/profile', { skills: ['无人机维修'], region: '110119', group: 'veteran', consentToShare: true, contact: { phone: phoneOf(i) } });
      applications.push((await callApi<{ id: string }>(journey.base, seeker, 'POST', '/applications', { demandId: i === 12 ? far.id : near.id })).id);
    }
    for (const id of applications.slice(0, 2)) await callApi(journey.base, employer, 'PATCH', `/applications/${id}`, { status: 'accepted' });
    const invitee = await devToken(journey.base, { role: 'jobseeker', sub: 'be-invitee' });
    const inviteeId = (await callApi<{ id: string }>(journey.base, invitee, 'PATCH', '/me/profile', { skills: ['无人机维修'], region: '110119', group: 'graduate', consentToShare: true, contact: { phone: '13700007777' } })).id;
    await callApi(journey.base, employer, 'POST', '/invitations', { demandId: near.id, learnerId: inviteeId });

    const context = await newContext(journey.browser);
    const page = await context.newPage();
    const items = page.locator('#region-engagements > li');

    // Act: from the dashboard to the page.
    await signIn(page, journey.base, 'bureau', 'be-bureau', { province: '北京市' });
    await waitReady(page, 'bureau-dashboard');
    await page.locator('main').getByRole('link', { name: '申请与邀请' }).click();
    await waitReady(page, 'bureau-engagements');

    // Assess: the first ten of the region's twelve applications, then the other two on 加载更多.
    await expect.poll(() => items.count()).toBe(10);
    await page.getByRole('button', { name: '加载更多' }).waitFor();
    await checkPage(page, 'bureau-engagements');
    await page.getByRole('button', { name: '加载更多' }).click();
    await expect.poll(() => items.count()).toBe(12);
    expect(await page.getByRole('button', { name: '加载更多' }).count()).toBe(0);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain(FAR_TITLE);
    for (let i = 0; i < 13; i++) expect(text).not.toContain(phoneOf(i));
    // Each shows when it was sent; the accepted ones also when they were accepted.
    expect(await items.locator('time').count()).toBe(14);

    // Only the accepted ones, with the step times.
    await page.locator('#engagement-status').selectOption({ label: '已接受' });
    await expect.poll(() => items.count()).toBe(2);
    for (const badge of await items.locator('.badge').allTextContents()) expect(badge).toBe('已接受');
    await items.first().locator('dt', { hasText: '已接受' }).waitFor();

    // Invitations: none accepted yet, then the one sent.
    await page.locator('#engagement-kind').selectOption({ label: '单位邀请' });
    await page.getByText('没有符合条件的记录。').waitFor();
    await page.locator('#engagement-status').selectOption({ label: '全部状态' });
    await expect.poll(() => items.count()).toBe(1);
    expect(await page.locator('main').textContent()).not.toContain('13700007777');
    await checkPage(page, 'bureau-engagements-invitations');

    // Every word in English too.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Applications and invitations');
    await items.locator('.badge', { hasText: 'Sent' }).waitFor();
    await checkPage(page, 'bureau-engagements-en');

    await context.close();
  }, 240_000);
});
