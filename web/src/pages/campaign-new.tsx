import { useEffect, useState } from 'preact/hooks';
import { createCampaign } from '../api/campaigns.js';
import { GROUPS, type Group } from '../api/records.js';
import { useSession } from '../auth/context.js';
import { ErrorSummary, NumberField, TextField } from '../components/form.js';
import { Page, useReady } from '../components/page.js';
import { RegionPicker } from '../components/region-picker.js';
import { chipToInput, SkillPicker, type SkillChip } from '../components/skill-picker.js';
import { useI18n } from '../i18n/index.js';
import { asFormError } from '../lib/errors.js';
import { navigate } from '../lib/router.js';
import { recall, remember } from '../lib/storage.js';

interface Draft {
  name: string;
  region: string;
  groups: Group[];
  skills: SkillChip[];
  threshold: string;
  limitPerLearner: string;
  assign: boolean;
}

/** A bureau campaign (POST /campaigns): who to reach, in which region, for which skills. */
export function CampaignNewPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const bureauRegion = session!.region ?? 'national';
  const draftKey = `sb.draft.campaign.${session!.sub}`;
  const [draft, setDraft] = useState<Draft>(
    () => recall<Draft>(draftKey, 'session') ?? { name: '', region: bureauRegion, groups: [], skills: [], threshold: '30', limitPerLearner: '5', assign: false },
  );
  const [error, setError] = useState<ReturnType<typeof asFormError>>();
  const [busy, setBusy] = useState(false);
  useReady('campaign-new', true);
  useEffect(() => remember(draftKey, draft, 'session'), [draft]);
  const update = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const threshold = Number(draft.threshold);
      const limit = Number(draft.limitPerLearner);
      const status = await createCampaign({
        name: draft.name,
        region: draft.region,
        ...(draft.groups.length ? { groups: draft.groups } : {}),
        ...(draft.skills.length ? { skills: draft.skills.map(chipToInput) } : {}),
        ...(draft.threshold.trim() !== '' ? { threshold: Number.isFinite(threshold) ? threshold / 100 : draft.threshold } : {}),
        ...(draft.limitPerLearner.trim() !== '' ? { limitPerLearner: Number.isFinite(limit) ? limit : draft.limitPerLearner } : {}),
        assign: draft.assign,
      });
      remember(draftKey, undefined, 'session');
      navigate(`/bureau/campaigns/${encodeURIComponent(status.id)}`);
    } catch (err) {
      setError(asFormError(t, err));
      setBusy(false);
    }
  };

  return (
    <Page title={t.campaignNewTitle} intro={t.campaignNewIntro}>
      <ErrorSummary
        error={error}
        fields={[
          { pointer: '/name', id: 'campaign-name', label: t.campaignName },
          { pointer: '/region', id: 'campaign-region-province', label: t.campaignRegion },
          { pointer: '/groups', id: 'group-graduate', label: t.campaignGroups },
          { pointer: '/skills', id: 'campaign-skills-add', label: t.campaignSkills },
          { pointer: '/threshold', id: 'threshold', label: t.campaignThreshold },
          { pointer: '/limitPerLearner', id: 'limit', label: t.campaignLimit },
        ]}
      />
      <form class="card" onSubmit={submit} noValidate>
        <TextField id="campaign-name" label={t.campaignName} hint={t.campaignNameHint} value={draft.name} onValue={(name) => update({ name })} pointer="/name" errors={error?.fieldErrors} input={{ maxLength: 200 }} />
        <RegionPicker
          id="campaign-region"
          label={t.campaignRegion}
          value={draft.region}
          onValue={(region) => update({ region })}
          pointer="/region"
          errors={error?.fieldErrors}
          allowNational={bureauRegion === 'national'}
          within={bureauRegion}
          atLeast="province"
        />
        <fieldset>
          <legend>{t.campaignGroups}</legend>
          <span class="hint">{t.campaignGroupsHint}</span>
          <div class="checks">
            {GROUPS.map((g) => (
              <label class="check" key={g}>
                <input
                  type="checkbox"
                  id={`group-${g}`}
                  checked={draft.groups.includes(g)}
                  onChange={(e) => update({ groups: e.currentTarget.checked ? [...draft.groups, g] : draft.groups.filter((x) => x !== g) })}
                />
                {t.groups[g]}
              </label>
            ))}
          </div>
        </fieldset>
        <SkillPicker id="campaign-skills" label={t.campaignSkills} hint={t.campaignSkillsHint} optional chips={draft.skills} onChange={(skills) => update({ skills })} pointer="/skills" errors={error?.fieldErrors} />
        <div class="row">
          <NumberField id="threshold" label={t.campaignThreshold} hint={t.campaignThresholdHint} value={draft.threshold} onValue={(threshold) => update({ threshold })} min={0} max={100} pointer="/threshold" errors={error?.fieldErrors} />
          <NumberField id="limit" label={t.campaignLimit} value={draft.limitPerLearner} onValue={(limitPerLearner) => update({ limitPerLearner })} min={1} max={20} pointer="/limitPerLearner" errors={error?.fieldErrors} />
        </div>
        <label class="check">
          <input type="checkbox" id="assign" checked={draft.assign} onChange={(e) => update({ assign: e.currentTarget.checked })} />
          {t.campaignAssign}
        </label>
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t.starting : t.campaignStart}
          </button>
        </div>
      </form>
    </Page>
  );
}
