import { get, post, qs } from './client.js';

export interface Label {
  readonly zh: string;
  readonly en: string;
}

export type Level = 1 | 2 | 3 | 4 | 5;
export const LEVELS: readonly Level[] = [1, 2, 3, 4, 5];

/** GET /skills?q= */
export interface SkillSuggestion {
  readonly skillId: string;
  readonly label: Label;
  readonly category?: string;
  readonly score?: number;
}

/** POST /skills/extract */
export interface ExtractedSkill {
  readonly skillId: string;
  readonly label: Label;
  readonly confidence: number;
  readonly level?: Level;
  readonly span: [number, number];
}

export interface Extraction {
  readonly items: readonly ExtractedSkill[];
  readonly unmapped: readonly string[];
}

/** A skill as records store it: the submitted text beside the taxonomy id (null when unmapped). */
export interface StoredSkill {
  readonly text: string;
  readonly skillId: string | null;
  readonly level: Level | null;
  readonly confidence?: number;
}

/** Labels seen in any answer, so saved ids show as words without asking again. */
const labels = new Map<string, Label>();
export const rememberLabel = (skillId: string, label: Label): void => void labels.set(skillId, label);
export const knownLabel = (skillId: string): Label | undefined => labels.get(skillId);

export async function searchSkills(q: string, signal?: AbortSignal): Promise<SkillSuggestion[]> {
  const { data } = await get<{ items: SkillSuggestion[] }>(`/skills${qs({ q, limit: 8 })}`, signal ? { signal } : {});
  for (const s of data.items) rememberLabel(s.skillId, s.label);
  return data.items;
}

export async function extractSkills(text: string, signal?: AbortSignal): Promise<Extraction> {
  const { data } = await post<Extraction>('/skills/extract', { text }, signal ? { signal } : {});
  for (const s of data.items) rememberLabel(s.skillId, s.label);
  return data;
}

/** Labels for ids saved earlier (search matches an exact id with score 1). */
export async function resolveLabels(ids: readonly string[]): Promise<void> {
  const missing = [...new Set(ids)].filter((id) => !labels.has(id));
  await Promise.all(
    missing.map(async (id) => {
      try {
        const { data } = await get<{ items: SkillSuggestion[] }>(`/skills${qs({ q: id, limit: 1 })}`);
        const hit = data.items.find((s) => s.skillId === id);
        if (hit) rememberLabel(id, hit.label);
      } catch {
        // The id stays as it is: a label is a nicety, not a reason to fail the page.
      }
    }),
  );
}
