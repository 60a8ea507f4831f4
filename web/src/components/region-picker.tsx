import { useEffect, useState } from 'preact/hooks';
import { errorsUnder, type FieldErrors } from '../api/problem.js';
import { useI18n } from '../i18n/index.js';
import { loadRegions, type RegionIndex, type RegionNode } from '../lib/regions.js';
import { ErrorText } from './form.js';

/** The region index once loaded (it is a separate download); undefined until then. */
export function useRegions(): RegionIndex | undefined {
  const [index, setIndex] = useState<RegionIndex>();
  useEffect(() => {
    let live = true;
    void loadRegions().then((r) => live && setIndex(r));
    return () => {
      live = false;
    };
  }, []);
  return index;
}

/** A region code as words: the full Chinese name, `全国` for national, else the code itself. */
export function useRegionName(): (code: string | undefined) => string {
  const regions = useRegions();
  const { t } = useI18n();
  return (code) => (!code ? '' : code === 'national' ? t.national : (regions?.nameOf(code) ?? code));
}

interface Props {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  /** A 6-digit code, `national`, or '' for none yet. */
  readonly value: string;
  readonly onValue: (code: string) => void;
  readonly pointer: string;
  readonly errors?: FieldErrors | undefined;
  /** Offer 全国 (the whole country) at the top. */
  readonly allowNational?: boolean;
  /** Only regions inside this one may be chosen (a bureau's own area). */
  readonly within?: string | undefined;
  /** How deep a choice must go. @default 'city' */
  readonly atLeast?: 'province' | 'city' | 'district';
}

/**
 * Province → city → district as three plain selects: works with a keyboard, a screen reader and a
 * phone's native picker, and only ever yields codes the API accepts. Municipalities skip their
 * 市辖区 level, so 北京 → 延庆区 is two choices, not three.
 */
export function RegionPicker(props: Props) {
  const { t } = useI18n();
  const regions = useRegions();
  const errors = errorsUnder(props.errors, props.pointer);
  const errorId = errors.length ? `${props.id}-error` : undefined;
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;

  if (!regions) {
    return (
      <div class="field">
        <span class="label">{props.label}</span>
        <p class="muted">{t.loading}</p>
      </div>
    );
  }

  // A municipality's single placeholder city (市辖区) is folded so people pick districts directly.
  const citiesOf = (p: RegionNode | undefined): readonly RegionNode[] => {
    if (!p) return [];
    const only = p.children.length === 1 ? p.children[0] : undefined;
    return only && only.name === '市辖区' ? only.children : p.children;
  };
  const folded = (p: RegionNode | undefined) => !!p && p.children.length === 1 && p.children[0]!.name === '市辖区';

  const within = props.within && props.within !== 'national' ? regions.chainOf(props.within) : {};
  const chain = props.value && props.value !== 'national' ? regions.chainOf(props.value) : {};
  const province = regions.byCode(chain.province ?? within.province ?? '');
  const foldedCity = folded(province);
  // For a folded municipality, the "city" select shows districts.
  const cityCode = foldedCity ? chain.district : chain.city;
  const city = regions.byCode(cityCode ?? (foldedCity ? (within.district ?? '') : (within.city ?? '')));
  const districtCode = foldedCity ? undefined : chain.district;

  const provinces = within.province ? regions.provinces.filter((p) => p.code === within.province) : regions.provinces;
  const cities = citiesOf(province).filter((c) => !within.city || foldedCity || c.code === within.city).filter((c) => !foldedCity || !within.district || c.code === within.district);
  const districts = !foldedCity && city ? city.children.filter((d) => !within.district || d.code === within.district) : [];

  const pid = `${props.id}-province`;
  const cid = `${props.id}-city`;
  const did = `${props.id}-district`;
  return (
    <fieldset class="field" aria-describedby={describedBy}>
      <legend>{props.label}</legend>
      {props.hint ? (
        <span class="hint" id={hintId}>
          {props.hint}
        </span>
      ) : null}
      {errors.length ? (
        <span class="field-error" id={errorId}>
          {errors.map((e) => (
            <span key={e.path + e.message} style="display:block">
              <ErrorText path={e.path} message={e.message} />
            </span>
          ))}
        </span>
      ) : null}
      <div class="row tight">
        <div class="field">
          <label for={pid}>{t.regionProvince}</label>
          <select
            id={pid}
            value={props.value === 'national' ? 'national' : (province?.code ?? '')}
            aria-invalid={errors.length ? 'true' : undefined}
            onChange={(e) => props.onValue(e.currentTarget.value)}
          >
            <option value="" disabled={!props.allowNational}>
              {t.choose}
            </option>
            {props.allowNational && !props.within ? <option value="national">{t.national}</option> : null}
            {provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        {province ? (
          <div class="field">
            <label for={cid}>{foldedCity ? t.regionDistrict : t.regionCity}</label>
            <select id={cid} value={city?.code ?? ''} onChange={(e) => props.onValue(e.currentTarget.value || province.code)}>
              <option value="">{props.atLeast !== 'province' ? t.choose : foldedCity ? t.wholeCity : t.wholeProvince}</option>
              {cities.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name === '市辖区' ? province.name : c.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {city && districts.length > 0 ? (
          <div class="field">
            <label for={did}>{t.regionDistrict}</label>
            <select id={did} value={districtCode ?? ''} onChange={(e) => props.onValue(e.currentTarget.value || city.code)}>
              <option value="">{t.wholeCity}</option>
              {districts.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
    </fieldset>
  );
}
