import type { CourseSubsidyTerms } from '../../schemas/subsidy.js';
import type { Level } from '../../taxonomy/levels.js';
import type { LearnerGroup } from '../../schemas/learner.js';
import type { CampaignInput } from '../../schemas/campaign.js';
import type { Need } from '../matching/types.js';

/**
 * The vocabulary of bureau campaigns (docs/campaigns.md): a campaign as stored, the snapshot of
 * demands and courses it runs against, one result per learner, and the report summary.
 */

export const CAMPAIGN_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** Statuses a campaign never leaves. */
export const TERMINAL_STATUSES: ReadonlySet<CampaignStatus> = new Set(['completed', 'failed', 'cancelled']);

/** Learners computed (`done`) and failed (`failed`) so far, out of `total`. */
export interface CampaignProgress {
  readonly done: number;
  readonly total: number;
  readonly failed: number;
}

/** What a campaign computes: the request minus its name (two requests alike but for the name are the same work). */
export type CampaignRequest = Omit<CampaignInput, 'name'>;

/** Where the local driver resumes: the next learner page and the list token that reads it. */
export interface CampaignCursor {
  readonly page: number;
  readonly token?: string;
  /** Every page has been read: only finalisation is left. */
  readonly end?: boolean;
}

/** A campaign as stored. */
export interface Campaign {
  readonly id: string;
  readonly name: string;
  /** GB/T 2260 code or `national`: whose learners, and whose demands. */
  readonly region: string;
  /** Subject id of the bureau operator who created it. */
  readonly owner: string;
  readonly request: CampaignRequest;
  /** Hash of `request`: the same operator asking for the same work again resumes the unfinished campaign. */
  readonly requestHash: string;
  readonly status: CampaignStatus;
  /** Learners counted before the run (`undefined` until counted); set to `done + failed` on completion. */
  readonly total?: number;
  /** Learners with a stored result: computed (`done`) or whose computation threw (`failed`). */
  readonly done: number;
  readonly failed: number;
  /** Learner pages whose results are all stored, and (once planned) how many there are. */
  readonly pagesDone: number;
  readonly pagesTotal?: number;
  readonly cursor?: CampaignCursor;
  /** The snapshot the run uses, once taken. */
  readonly snapshot?: { readonly id: string; readonly chunks: number };
  readonly summary?: CampaignSummary;
  /** Results taken off the campaign after they were written (their learners were deleted). */
  readonly erasures?: number;
  /** The `erasures` the stored summary counts: behind `erasures`, the summary needs recomputing. */
  readonly summaryErasures?: number;
  /** Why a campaign failed, in words (never internals). */
  readonly error?: string;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
}

/** A demand as a campaign holds it: what matching, the roster and the report need. */
export interface SnapshotDemand {
  readonly id: string;
  readonly ref: string;
  readonly title: string;
  readonly employer: string;
  readonly region: string;
  /** Open places: the roster never assigns more. */
  readonly headcount: number;
  readonly needs: readonly Need[];
}

/** A course as a campaign holds it: what ranking, subsidies and the roster need. */
export interface SnapshotCourse {
  readonly id: string;
  readonly ref: string;
  readonly title: string;
  readonly provider: string;
  readonly region: string;
  readonly mode: 'online' | 'offline' | 'blended';
  readonly level: Level;
  readonly hours: number;
  /** Funded places; absent when the course names none (then the roster sets no cap). */
  readonly seats?: number;
  readonly priceYuan?: number;
  readonly subsidyYuan?: number;
  readonly subsidyConditions?: string;
  readonly subsidyTerms?: CourseSubsidyTerms;
  readonly certificate?: string;
  /** Skills raised and the level each reaches: those taught, and those its certificate attests (taught.ts). */
  readonly taught: ReadonlyArray<readonly [string, Level]>;
  /**
   * The course's words (`courseText`: title, skills taught, certificate, description), which the
   * learner's own words are read against. Absent from snapshots taken before they were kept: the
   * title stands in.
   */
  readonly text?: string;
  /** The skills it asks for on entry (any one will do; prerequisite.ts); absent when none. */
  readonly prerequisite?: readonly string[];
}

/**
 * The demands and courses a campaign runs against, frozen when it starts so that every page (and
 * a resumed run, or a worker on another machine) sees the same market and the roster's capacities
 * are those the matches were made against.
 */
export interface CampaignSnapshot {
  readonly takenAt: string;
  readonly demands: readonly SnapshotDemand[];
  readonly courses: readonly SnapshotCourse[];
  /** Labour market (a city) whose shortage indices weigh the gap, and those indices per skill. */
  readonly market: string;
  readonly shortage: Readonly<Record<string, number>>;
}

/** A skill named in a result, with its label added when results are read. */
export interface ResultSkill {
  readonly skillId: string;
  readonly label?: { readonly zh: string; readonly en: string };
}

/** One of a learner's top matches. */
export interface CampaignMatch {
  readonly id: string;
  readonly ref: string;
  readonly title: string;
  readonly employer: string;
  readonly region: string;
  readonly score: number;
  readonly explanation: {
    /** The matching explanation sentence (Chinese). */
    readonly summary: string;
    readonly requiredMet: number;
    readonly requiredTotal: number;
    readonly partial: readonly ResultSkill[];
    readonly missing: readonly ResultSkill[];
  };
}

/** A course recommended to a learner, toward the gap of their best matches. */
export interface CampaignCourse {
  readonly id: string;
  readonly ref: string;
  readonly title: string;
  readonly provider: string;
  readonly mode: SnapshotCourse['mode'];
  readonly region: string;
  readonly hours: number;
  /** Ranking score, 0–1 (docs/recommendations.md). */
  readonly score: number;
  readonly priceYuan: number | null;
  /** Subsidies this learner is eligible for (every condition known and met), total. */
  readonly subsidyYuan: number;
  /** Subsidies still to confirm for this learner (a condition unknown): never in a budget total. Absent in results of older runs. */
  readonly toConfirmSubsidyYuan?: number;
  readonly subsidyRules: readonly string[];
  readonly toConfirmSubsidyRules?: readonly string[];
  readonly netCostYuan: number | null;
  /** Gap skills it closes. */
  readonly closes: readonly string[];
}

/** A place on the roster: a job (a demand's headcount) or a training seat. */
export interface CampaignAssignment {
  readonly kind: 'demand' | 'course';
  readonly id: string;
  readonly ref: string;
  readonly title: string;
  readonly score: number;
}

/** A skill the learner lacks (or holds too low) toward their best matches. */
export interface ResultGapSkill {
  readonly skillId: string;
  readonly role: Need['role'];
  readonly weight: number;
}

/** The computed part of a learner's result. */
export interface LearnerOutcome {
  readonly matches: readonly CampaignMatch[];
  readonly recommendations: readonly CampaignCourse[];
  readonly gap: readonly ResultGapSkill[];
}

/** One learner's result as stored: the API's result item, plus the group (for the fairness report) and the page. */
export interface CampaignResult extends LearnerOutcome {
  /** `groups` only for a learner in more than one group (`group` is the first). */
  readonly learner: { readonly id: string; readonly ref: string; readonly group: LearnerGroup; readonly groups?: readonly LearnerGroup[]; readonly region: string };
  readonly page: number;
  readonly assignment?: CampaignAssignment;
  /** Set when computing this learner failed; the lists are then empty. */
  readonly error?: string;
  /** The China day the learner first applied, was invited, accepted, was hired after this result was written (the placements funnel). */
  readonly placement?: Partial<Record<'applied' | 'invited' | 'accepted' | 'hired', string>>;
}

/** Match and assignment rates of one target group, side by side with the others (fairness). */
export interface GroupReport {
  readonly group: LearnerGroup;
  readonly learners: number;
  readonly matched: number;
  readonly matchRate: number;
  readonly assigned: number;
  readonly assignedToJobs: number;
  readonly assignedToCourses: number;
  readonly assignmentRate: number;
  readonly failed: number;
}

export interface ShortageSkillReport {
  readonly skillId: string;
  readonly label: { readonly zh: string; readonly en: string };
  /** Learners with this skill in their gap, and of them those for whom a target requires it. */
  readonly learners: number;
  readonly required: number;
  /** Shortage index in the campaign's labour market (1 when unknown). */
  readonly shortageIndex: number;
}

export interface CourseSeatReport {
  readonly id: string;
  readonly ref: string;
  readonly title: string;
  readonly provider: string;
  /** Learners whose first recommendation it is: the seats the campaign asks for. */
  readonly recommendedSeats: number;
  /** The eligible subsidies those seats imply, summed over the learners. */
  readonly recommendedSubsidyYuan: number;
  /** The subsidies still to confirm for those seats, apart (not in the budget). */
  readonly recommendedToConfirmYuan: number;
  /** Funded places, or null when the course names none. */
  readonly seats: number | null;
  /** Assign mode: learners given a seat, and the subsidies those seats imply. */
  readonly assignedSeats?: number;
  readonly assignedSubsidyYuan?: number;
  readonly assignedToConfirmYuan?: number;
}

export type UnfilledReason = 'no-candidate' | 'candidates-went-elsewhere' | 'too-few-candidates';

export interface UnfilledDemandReport {
  readonly id: string;
  readonly ref: string;
  readonly title: string;
  readonly employer: string;
  readonly headcount: number;
  /** Places given on the roster (assign mode) or learners with it among their top matches (otherwise). */
  readonly filled: number;
  readonly unfilled: number;
  readonly reason: UnfilledReason;
  readonly why: { readonly zh: string; readonly en: string };
}

/** The report of a completed campaign. */
export interface CampaignSummary {
  /** Learners with a result, those failed among them, and those with at least one match at or above the threshold. */
  readonly learners: number;
  readonly failed: number;
  readonly matched: number;
  readonly matchRate: number;
  /** Learners on the roster (assign mode; 0 otherwise), to a job and to a training seat. */
  readonly assigned: number;
  readonly assignedToJobs: number;
  readonly assignedToCourses: number;
  readonly byGroup: readonly GroupReport[];
  readonly shortageSkills: readonly ShortageSkillReport[];
  readonly courses: readonly CourseSeatReport[];
  /** Courses beyond those listed in `courses` (the list keeps the most asked-for). */
  readonly coursesNotListed: number;
  /** Eligible subsidies only: what a bureau can budget on. */
  readonly subsidyBudgetYuan: { readonly recommended: number; readonly assigned?: number };
  /** Subsidies still to confirm (a condition unknown), shown apart and never in the budget. */
  readonly subsidyToConfirmYuan: { readonly recommended: number; readonly assigned?: number };
  readonly unfilled: {
    readonly demands: number;
    readonly places: number;
    readonly items: readonly UnfilledDemandReport[];
    /** Unfilled demands beyond those listed. */
    readonly notListed: number;
  };
  readonly demandsConsidered: number;
  readonly placesOffered: number;
  readonly coursesConsidered: number;
  readonly method: {
    readonly assignment: 'greedy' | 'none';
    readonly bound?: string;
  };
}
