import type { Level, StoredSkill } from './skills.js';

/** Record shapes the pages read (docs/api.md); only the fields they show. */

export const GROUPS = ['graduate', 'migrant_worker', 'laid_off', 'veteran', 'disabled', 'employed_upskilling', 'poverty_alleviated', 'employment_difficulty', 'rural_transfer', 'older_unemployed', 'other'] as const;
export type Group = (typeof GROUPS)[number];

interface Meta {
  readonly id: string;
  readonly ref: string;
  readonly version?: number;
  readonly updatedAt?: string;
}

export interface Learner extends Meta {
  readonly summary?: string;
  readonly skills: readonly StoredSkill[];
  readonly certificates: readonly string[];
  readonly region: string;
  readonly group: Group;
  readonly education?: string | null;
  readonly yearsExperience?: number | null;
  readonly prefersOnline?: boolean | null;
  readonly consentToShare: boolean;
}

export interface Demand extends Meta {
  readonly employer: string;
  readonly title: string;
  readonly description?: string;
  readonly requiredSkills: readonly StoredSkill[];
  readonly preferredSkills: readonly StoredSkill[];
  readonly minLevel?: Level | null;
  readonly region: string;
  readonly headcount: number;
  readonly salaryMin?: number | null;
  readonly salaryMax?: number | null;
  readonly expiresAt?: string | null;
  readonly status?: 'open' | 'closed';
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextToken?: string;
}
