import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callApi, checkPage, devToken, newContext, signIn, startJourney, waitReady } from './harness.js';

/**
 * The action loop in Chromium against the real `npm start` (in memory): a job seeker searches and
 * applies; the employer sees the application, invites another matching seeker; that seeker
 * accepts; the employer sees that seeker's contact details only then. Every page is checked with
 * axe-core and photographed at 360 px (tests/e2e/screenshots/). Waits are on elements and text only.
 */

const journey = startJourney();

/** What the page-side callback reads (the root tsconfig has no DOM types). */
interface FocusDocument {
  readonly document: { readonly activeElement: { readonly id: string } | null };
}

const TITLE = '无人机巡检员（延庆试点）';
const PHONE_A = '13800002222';
const PHONE_B = '13900001111';

/** Adds a skill through the picker's autocomplete, by keyboard. */
async function addSkill(page: Page, text: string): Promise<void> {
  const add = page.locator('#skills-add');
  await add.fill(text);
  await page.locator('[role="option"]').first().waitFor();
  await add.press('ArrowDown');
  await add.press('Enter');
  await page.locator('.chip', { hasText: text }).waitFor();
}

describe('action loop journey', () => {
  it('seeker applies, employer invites another match, that seeker accepts, and only then the employer sees their contact', async () => {
    // Prepare: an employer's open demand, and a second job seeker (B) who consents and left a phone number.
    const employerToken = await devToken(journey.base, { role: 'employer', sub: 'loop-employer' });
    const demand = await callApi<{ id: string }>(journey.base, employerToken, 'POST', '/demands', {
      ref: 'loop-1',
      employer: '延庆区低空巡检有限公司',
      title: TITLE,
      description: '负责输电线路的无人机巡检和日常维护。',
      requiredSkills: ['无人机维修'],
      preferredSkills: [],
      region: '110119',
      headcount: 2,
      salaryMin: 6000,
      salaryMax: 9000,
    });
    const seekerBToken = await devToken(journey.base, { role: 'jobseeker', sub: 'loop-seeker-b' });
    const seekerB = await callApi<{ id: string }>(journey.base, seekerBToken, 'PATCH', '/me/profile', {
      skills: ['无人机维修'],
      region: '110119',
      group: 'veteran',
      consentToShare: true,
      contact: { phone: PHONE_B },
    });

    // Seeker A builds a profile with contact details and consent on the page.
    const contextA = await newContext(journey.browser);
    const pageA = await contextA.newPage();
    await signIn(pageA, journey.base, 'jobseeker', 'loop-seeker-a');
    await waitReady(pageA, 'seeker-profile');
    await addSkill(pageA, '无人机维修');
    await pageA.locator('#region-province').selectOption({ label: '北京市' });
    await pageA.locator('#region-city').selectOption({ label: '延庆区' });
    await pageA.locator('#group').selectOption('graduate');
    await pageA.locator('#phone').fill('12345');
    await pageA.locator('#consent').check();
    await pageA.getByRole('button', { name: '保存资料' }).click();
    // A bad phone number is named next to its field; nothing else typed is lost.
    await pageA.locator('#phone-error').waitFor();
    expect(await pageA.locator('.chip', { hasText: '无人机维修' }).count()).toBe(1);
    await pageA.locator('#phone').fill(PHONE_A);
    await pageA.getByRole('button', { name: '保存资料' }).click();
    await pageA.locator('.notice.ok', { hasText: '已保存' }).waitFor();
    // Consent provenance: who set it, when, under which notice.
    await pageA.locator('#consent-record', { hasText: '已同意：由你本人于' }).waitFor();
    await checkPage(pageA, 'loop-seeker-profile');

    // Any browser shows the same profile: a fresh context (no storage) reads it from /me/profile.
    const otherA = await newContext(journey.browser);
    const freshA = await otherA.newPage();
    await signIn(freshA, journey.base, 'jobseeker', 'loop-seeker-a');
    await waitReady(freshA, 'seeker-profile');
    expect(await freshA.locator('#phone').inputValue()).toBe(PHONE_A);
    expect(await freshA.locator('#consent').isChecked()).toBe(true);
    await otherA.close();

    // 找工作: nothing found says so; a pay below zero is named next to its field with the service's words.
    await pageA.getByRole('link', { name: '找工作' }).first().click();
    await waitReady(pageA, 'seeker-search');
    await pageA.locator('#q').fill('潜水艇驾驶');
    await pageA.getByRole('button', { name: '搜索', exact: true }).click();
    await pageA.locator('.notice', { hasText: '没有找到符合条件的岗位' }).waitFor();
    await pageA.locator('#salary').fill('-5');
    await pageA.getByRole('button', { name: '搜索', exact: true }).click();
    await pageA.locator('#salary-error').waitFor();
    await pageA.locator('#results-heading ~ .notice.error .problem-detail').waitFor();
    await checkPage(pageA, 'loop-seeker-search-error');
    await pageA.locator('#salary').fill('');

    // Words in the seeker's region (prefilled from the profile), "x / y 项技能符合", apply with a note.
    await pageA.locator('#q').fill('巡检');
    await pageA.getByRole('button', { name: '搜索', exact: true }).click();
    const card = pageA.locator(`li[data-job="${demand.id}"]`);
    await card.waitFor();
    await card.locator('.skills-fit', { hasText: /^\d+ \/ \d+ 项技能符合$/ }).waitFor();
    expect(await card.textContent()).toContain('延庆区低空巡检有限公司');
    await checkPage(pageA, 'loop-seeker-search');
    // A word so common that the answer was cut short (`truncated`): the page says how to see them all.
    await pageA.route(/\/jobs\?/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...((await response.json()) as object), truncated: true } });
    });
    await pageA.getByRole('button', { name: '搜索', exact: true }).click();
    await pageA.locator('.notice', { hasText: '只按其中一部分排了序' }).waitFor();
    await pageA.unroute(/\/jobs\?/);
    await card.waitFor();
    await card.getByRole('button', { name: `申请：${TITLE}` }).click();
    // Opening the form puts the keyboard in its note.
    await expect.poll(() => pageA.evaluate(() => (globalThis as unknown as FocusDocument).document.activeElement?.id)).toBe(`note-${demand.id}`);
    await card.getByLabel('给招聘单位的留言').fill('下周一可以上岗。');
    await card.getByRole('button', { name: '发送申请' }).click();
    await card.locator('.notice.ok', { hasText: '已申请' }).waitFor();

    // 我的申请: the application, sent, with its time.
    await pageA.getByRole('link', { name: '我的申请' }).first().click();
    await waitReady(pageA, 'seeker-applications');
    const mine = pageA.locator('#applications-heading ~ ul li', { hasText: TITLE });
    await mine.locator('.badge', { hasText: '已发送' }).waitFor();
    await mine.locator('time').first().waitFor();
    await checkPage(pageA, 'loop-seeker-applications');

    // The employer's 候选人: A's application with A's contact (applying shares it), and the matches.
    const contextE = await newContext(journey.browser);
    const pageE = await contextE.newPage();
    await signIn(pageE, journey.base, 'employer', 'loop-employer');
    await waitReady(pageE, 'employer-demands');
    await pageE.getByRole('link', { name: `查看候选人：${TITLE}` }).click();
    await waitReady(pageE, 'demand-matches');
    const application = pageE.locator('#applications li');
    await application.locator('.contact-box', { hasText: PHONE_A }).waitFor();
    await application.getByText('下周一可以上岗。').waitFor();
    const matchB = pageE.locator(`ol.results li[data-learner="${seekerB.id}"]`);
    await matchB.waitFor();
    // B's contact is nowhere on the page before B accepts.
    expect(await pageE.locator('main').textContent()).not.toContain(PHONE_B);

    // Over the daily limit the invite answers 429: the page says so in words.
    await pageE.route(/\/invitations$/, (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({ status: 429, headers: { 'retry-after': '3600' }, contentType: 'application/problem+json', body: JSON.stringify({ type: '/problems/too-many-invitations', title: 'Too Many Requests', status: 429, detail: 'At most 50 invitations a day.' }) })
        : route.fallback(),
    );
    await matchB.getByRole('button', { name: /^邀请求职者/ }).click();
    await matchB.getByLabel('给求职者的留言').fill('欢迎来面试，周三上午。');
    await matchB.getByRole('button', { name: '发送邀请' }).click();
    await matchB.locator('.notice.error', { hasText: '今天的邀请次数已经用完' }).waitFor();
    // Nothing typed is lost; the real service takes the same invitation.
    expect(await matchB.getByLabel('给求职者的留言').inputValue()).toBe('欢迎来面试，周三上午。');
    await pageE.unrouteAll();

    await matchB.getByRole('button', { name: '发送邀请' }).click();
    await matchB.locator('.status-line', { hasText: '已邀请' }).waitFor();
    const invitationB = pageE.locator(`#invitations li[data-learner="${seekerB.id}"]`);
    await invitationB.getByText('求职者接受邀请后，这里会显示联系方式。').waitFor();
    expect(await pageE.locator('main').textContent()).not.toContain(PHONE_B);
    await checkPage(pageE, 'loop-employer-candidates');

    // Seeker B: the header badge counts the invitation; B accepts it on 我的申请.
    const contextB = await newContext(journey.browser);
    const pageB = await contextB.newPage();
    await signIn(pageB, journey.base, 'jobseeker', 'loop-seeker-b');
    await waitReady(pageB, 'seeker-profile');
    const badge = pageB.locator('header .inbox-link .count');
    await badge.waitFor();
    const unreadBefore = Number(await badge.textContent());
    expect(unreadBefore).toBeGreaterThan(0);
    await pageB.getByRole('link', { name: '我的申请' }).first().click();
    await waitReady(pageB, 'seeker-applications');
    const invited = pageB.locator('#invitations-heading ~ ul li', { hasText: TITLE });
    await invited.getByText('欢迎来面试，周三上午。').waitFor();
    await invited.getByRole('button', { name: `接受邀请：${TITLE}` }).click();
    await invited.locator('.notice.ok', { hasText: '已接受' }).waitFor();
    await invited.locator('.badge', { hasText: '已接受' }).waitFor();
    await checkPage(pageB, 'loop-seeker-invitation');

    // The inbox: the invitation event, marked read; the badge follows.
    await pageB.locator('header .inbox-link').click();
    await waitReady(pageB, 'inbox');
    const event = pageB.locator('li.event.unread[data-type="invited"]').first();
    await event.waitFor();
    await checkPage(pageB, 'loop-inbox');
    await event.getByRole('button', { name: /^标为已读/ }).click();
    await expect.poll(async () => Number((await pageB.locator('header .inbox-link').getAttribute('data-unread')) || 0)).toBe(unreadBefore - 1);

    // Only now does the employer see B's contact details, on the accepted invitation.
    await pageE.reload();
    await waitReady(pageE, 'demand-matches');
    await invitationB.locator('.badge', { hasText: '已接受' }).waitFor();
    await invitationB.locator('.contact-box', { hasText: PHONE_B }).waitFor();
    expect(await pageE.locator('ol.results').textContent()).not.toContain(PHONE_B);
    // The employer's own inbox heard of the application and the acceptance.
    await pageE.locator('header .inbox-link .count').waitFor();
    await checkPage(pageE, 'loop-employer-contact');

    // A withdraws the application: from the next answer on, the employer no longer sees A's contact.
    await pageA.reload();
    await waitReady(pageA, 'seeker-applications');
    await mine.getByRole('button', { name: `撤回申请：${TITLE}` }).click();
    await mine.locator('.badge', { hasText: '已撤回' }).waitFor();
    await pageE.reload();
    await waitReady(pageE, 'demand-matches');
    await application.locator('.badge', { hasText: '已撤回' }).waitFor();
    expect(await pageE.locator('main').textContent()).not.toContain(PHONE_A);
    await invitationB.locator('.contact-box', { hasText: PHONE_B }).waitFor();

    // Every word in English too.
    await pageB.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => pageB.locator('h1').textContent()).toBe('Messages');
    await pageB.locator('li.event[data-type="invited"]', { hasText: 'Invitation received' }).first().waitFor();
    await pageB.getByRole('link', { name: 'My applications' }).first().click();
    await waitReady(pageB, 'seeker-applications');
    await pageB.locator('.badge', { hasText: 'Accepted' }).first().waitFor();
    await checkPage(pageB, 'loop-seeker-applications-en');

    await Promise.all([contextA.close(), contextB.close(), contextE.close()]);
  }, 240_000);
});
