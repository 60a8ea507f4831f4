import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ApiError, errorsUnder, type FieldErrors } from '../api/problem.js';
import { knownLabel, LEVELS, searchSkills, type Label, type Level, type SkillSuggestion } from '../api/skills.js';
import { pick, useI18n } from '../i18n/index.js';
import { useDebounced } from '../lib/use-debounced.js';
import { ErrorText } from './form.js';

/** One skill in a list the person edits: a taxonomy skill, or their own words when nothing matched. */
export interface SkillChip {
  /** Stable key: the skill id, or `text:` and the words. */
  readonly key: string;
  readonly skillId: string | null;
  readonly text: string;
  readonly level: Level | null;
  /** Where it came from, shown as a small note so people know why it is there. */
  readonly from: 'resume' | 'typed' | 'saved';
}

export const chipKey = (skillId: string | null, text: string): string => (skillId ? skillId : `text:${text.trim()}`);

/** What the API accepts for one skill: the id (or the words) with the level when one is set. */
export const chipToInput = (chip: SkillChip): string | { skill: string; level: number } => {
  const skill = chip.skillId ?? chip.text;
  return chip.level ? { skill, level: chip.level } : skill;
};

export const chipName = (chip: SkillChip, lang: 'zh' | 'en'): string => {
  const label: Label | undefined = chip.skillId ? knownLabel(chip.skillId) : undefined;
  return label ? pick(label, lang) : chip.text;
};

interface Props {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly chips: readonly SkillChip[];
  readonly onChange: (chips: SkillChip[], removed?: SkillChip) => void;
  /** The list's pointer in the request body (`/skills`, `/requiredSkills`). */
  readonly pointer: string;
  readonly errors?: FieldErrors | undefined;
  readonly optional?: boolean;
}

/**
 * An editable list of skills with a level each, and an autocomplete (GET /skills?q=) to add more,
 * following the ARIA combobox pattern: arrows move through suggestions, Enter picks one (or adds
 * the typed words as they are), Escape closes the list.
 */
export function SkillPicker(props: Props) {
  const { t, lang } = useI18n();
  const uid = useId();
  const inputId = `${props.id}-add`;
  const listId = `${props.id}-${uid}-list`;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [suggestions, setSuggestions] = useState<SkillSuggestion[]>([]);
  const [searchFailed, setSearchFailed] = useState(false);
  const debounced = useDebounced(query.trim(), 250);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!debounced) {
      setSuggestions([]);
      return;
    }
    const ctrl = new AbortController();
    searchSkills(debounced, ctrl.signal)
      .then((items) => {
        setSuggestions(items);
        setSearchFailed(false);
        setActive(-1);
      })
      .catch((err: unknown) => {
        if ((err as Error).name !== 'AbortError') setSearchFailed(err instanceof ApiError);
      });
    return () => ctrl.abort();
  }, [debounced]);

  const errors = errorsUnder(props.errors, props.pointer);
  const errorId = errors.length > 0 ? `${props.id}-error` : undefined;
  const hintId = props.hint ? `${props.id}-hint` : undefined;

  const add = (chip: SkillChip) => {
    if (!props.chips.some((c) => c.key === chip.key)) props.onChange([...props.chips, chip]);
    setQuery('');
    setSuggestions([]);
    setOpen(false);
    setActive(-1);
    inputRef.current?.focus();
  };
  const addSuggestion = (s: SkillSuggestion) => add({ key: chipKey(s.skillId, ''), skillId: s.skillId, text: pick(s.label, lang), level: null, from: 'typed' });
  const addTyped = () => {
    const words = query.trim();
    if (words) add({ key: chipKey(null, words), skillId: null, text: words, level: null, from: 'typed' });
  };

  const showList = open && suggestions.length > 0;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(suggestions.length - 1, i + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(-1, i - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const chosen = showList && active >= 0 ? suggestions[active] : undefined;
      if (chosen) addSuggestion(chosen);
      else addTyped();
    } else if (e.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    }
  };

  // Chips name the pointer index of the list as sent, so an error on `/skills/2/level` lands on chip 2.
  const chipErrors = (index: number) => errorsUnder(props.errors, `${props.pointer}/${index}`);

  return (
    <fieldset class="field" aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}>
      <legend id={props.id}>
        {props.label}
        {props.optional ? <span class="optional">{t.optionalMark}</span> : null}
      </legend>
      {props.hint ? (
        <span class="hint" id={hintId}>
          {props.hint}
        </span>
      ) : null}
      {errors.length > 0 ? (
        <span class="field-error" id={errorId}>
          {errors
            .filter((e) => !/\/\d+(\/|$)/.test(e.path.slice(props.pointer.length)))
            .map((e) => (
              <span key={e.path + e.message} style="display:block">
                <ErrorText path={e.path} message={e.message} />
              </span>
            ))}
        </span>
      ) : null}
      {props.chips.length > 0 ? (
        <ul class="chips" aria-label={t.skillListLabel(props.label, props.chips.length)}>
          {props.chips.map((chip, index) => {
            const name = chipName(chip, lang);
            const levelId = `${props.id}-level-${index}`;
            const own = chipErrors(index);
            return (
              <li key={chip.key} class={`chip${chip.skillId ? '' : ' unmapped'}`}>
                <span class="chip-name">
                  {name}
                  <span class="chip-note">{chip.skillId ? t.chipFrom[chip.from] : t.chipUnmapped}</span>
                </span>
                <label class="visually-hidden" for={levelId}>
                  {t.levelOf(name)}
                </label>
                <select
                  id={levelId}
                  value={chip.level ?? ''}
                  aria-invalid={own.length > 0 ? 'true' : undefined}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    props.onChange(props.chips.map((c) => (c.key === chip.key ? { ...c, level: v ? (Number(v) as Level) : null } : c)));
                  }}
                >
                  <option value="">{t.levelUnknown}</option>
                  {LEVELS.map((l) => (
                    <option key={l} value={l}>
                      {t.levels[l]}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  class="remove"
                  aria-label={t.removeSkill(name)}
                  onClick={() => {
                    props.onChange(
                      props.chips.filter((c) => c.key !== chip.key),
                      chip,
                    );
                    inputRef.current?.focus();
                  }}
                >
                  ✕
                </button>
                {own.length > 0 ? (
                  <span class="field-error" style="flex-basis:100%">
                    {own.map((e) => (
                      <span key={e.path + e.message} style="display:block">
                        <ErrorText path={e.path} message={e.message} />
                      </span>
                    ))}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="muted">{t.noSkillsYet}</p>
      )}
      <div class="combo">
        <label for={inputId}>{t.addSkill}</label>
        <div class="combo-row">
          <input
            id={inputId}
            ref={inputRef}
            type="text"
            role="combobox"
            autoComplete="off"
            aria-autocomplete="list"
            aria-expanded={showList ? 'true' : 'false'}
            aria-controls={listId}
            aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
            placeholder={t.addSkillPlaceholder}
            value={query}
            onInput={(e) => {
              setQuery(e.currentTarget.value);
              setOpen(true);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => window.setTimeout(() => setOpen(false), 150)}
          />
          <button type="button" onClick={addTyped} disabled={!query.trim()}>
            {t.add}
          </button>
        </div>
        <ul id={listId} role="listbox" class="listbox" aria-label={t.suggestions} hidden={!showList}>
          {suggestions.map((s, i) => (
            <li
              key={s.skillId}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active ? 'true' : 'false'}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => addSuggestion(s)}
            >
              {pick(s.label, lang)}
              <span class="en" lang={lang === 'zh' ? 'en' : 'zh-CN'}>
                {lang === 'zh' ? s.label.en : s.label.zh}
              </span>
            </li>
          ))}
        </ul>
        {searchFailed ? <p class="muted">{t.searchFailed}</p> : null}
      </div>
    </fieldset>
  );
}
