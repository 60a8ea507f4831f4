import type { Demand, Learner } from '../domain/records.js';
import type { ShortageCounter } from '../domain/shortage.js';

/** Per skill and region: demand against supply, as the shortage index keeps it. */
export interface ShortageEntry {
  readonly skillId: string;
  /** GB/T 2260 code or `national`. */
  readonly region: string;
  /** Headcount of open demands needing the skill (required 1, preferred 0.5 weight). */
  readonly demand: number;
  /** Learners holding the skill at the level demands need. */
  readonly supply: number;
  /** Smoothed shortage index: > 1 short supply, < 1 surplus; tiny counts stay near 1. */
  readonly index: number;
}

/** Read side of the shortage index, used by insights and by course recommendations. */
export interface ShortageReader {
  /** Entries for a region (rolled up from everything inside it), optionally only some skills. */
  forRegion(region: string, skillIds?: readonly string[]): Promise<Map<string, ShortageEntry>>;
}

/** Counters as stored, for readers that want more than the entries (the per-level detail). */
export interface ShortageCounterReader {
  /** Counters of a region (already rolled up), optionally only some skills. */
  countersForRegion(region: string, skillIds?: readonly string[]): Promise<ShortageCounter[]>;
}

/** How one stream record's delta was applied. */
export interface ShortageApplyResult {
  /** Chunks written now. */
  readonly applied: number;
  /** Chunks an earlier delivery of the same record had written already. */
  readonly duplicates: number;
}

/** Write side of the shortage index. */
export interface ShortageWriter {
  /**
   * Adds a delta to the counters exactly once per `eventId`: a second call with the same id (a
   * redelivered stream record) changes nothing. The delta must be the same on every delivery.
   */
  applyOnce(eventId: string, delta: readonly ShortageCounter[]): Promise<ShortageApplyResult>;
  /** Replaces every counter with these, deleting counters not among them. */
  replaceAll(counters: readonly ShortageCounter[]): Promise<{ readonly written: number; readonly deleted: number }>;
}

/** Every demand and learner, for a full rebuild (an operator's repair, never a request path). */
export interface ShortageSourceReader {
  scanSources(): AsyncIterable<Demand | Learner>;
}

/** Everything the DynamoDB shortage store offers, as the container holds it. */
export type ShortageStore = ShortageReader & ShortageCounterReader & ShortageWriter & ShortageSourceReader;
