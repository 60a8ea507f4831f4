import * as z from 'zod';

/** A page size query parameter: 1–`max`, `fallback` when absent. */
export const pageSize = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback).meta({ description: `Page size, 1–${max}.` });

/** The opaque continuation token of a listing. */
export const NextTokenSchema = z.string().min(1).max(4_000).optional().meta({ description: 'From the previous page.' });
