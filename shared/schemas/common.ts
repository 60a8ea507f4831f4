import * as z from 'zod';
import { parseLevel, unknownLevelMessage, type Level } from '../taxonomy/levels.js';
import { normaliseRegion } from '../regions/regions.js';

/** Submitter's own identifier: any letters or digits and a few separators, at most 128 characters. */
export const RefSchema = z
  .string()
  .trim()
  .min(1)
  .max(128)
  .regex(/^[\p{L}\p{N}._:#/-]+$/u, 'Use letters, digits and . _ : # / - only.')
  .meta({ description: "The submitter's own identifier; submitting it again updates the record.", example: 'YQ-2026-0042' });

/**
 * Control characters removed from free text: NUL and the other C0 controls but tab and line feed,
 * DEL and the C1 controls, and the bidirectional overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) that make a name or a ref read differently from what it is ("Trojan Source").
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Removes {@link CONTROL_CHARACTERS}. */
export const stripControlCharacters = (value: string): string => value.replace(CONTROL_CHARACTERS, '');

/** Text that shows nothing: white space, format characters (zero-width, bidi marks, BOM) and blank fillers. */
const INVISIBLE_ONLY = /^(?:[\s\p{Cf}\p{Cc}\p{Variation_Selector}\u115F\u1160\u2800\u3164\uFFA0]|\u034F|\u17B4|\u17B5)+$/u;

/** Whether a non-empty text consists of invisible characters only. */
export const isInvisibleOnly = (value: string): boolean => INVISIBLE_ONLY.test(value);

/**
 * Plain text of bounded length: control characters stripped, trimmed, and never made of
 * invisible characters only (it would show as blank while not being empty).
 */
export const text = (max: number) =>
  z
    .string()
    .overwrite(stripControlCharacters)
    .trim()
    .max(max, `At most ${max} characters.`)
    .refine((value) => !isInvisibleOnly(value), 'This text is made of invisible characters only; write something readable or leave it empty.');

/** A level: 1–5, elementary|intermediate|advanced|expert, or the national ladder (初级工/五级 … 高级技师/一级). */
export const LevelSchema = z
  .union([z.int().min(1).max(5), z.string().max(20)])
  .transform((value, ctx): Level => {
    const level = parseLevel(value);
    if (level === undefined) {
      ctx.issues.push({
        code: 'custom',
        input: value,
        message: unknownLevelMessage(value),
      });
      return z.NEVER;
    }
    return level;
  })
  .meta({ description: 'Level: integer 1–5, elementary|intermediate|advanced|expert, or 初级工/五级 … 高级技师/一级.', example: 'intermediate' });

/** A region as a name (北京市延庆区), a GB/T 2260 code (110119) or `national`; stored as the code. */
export const RegionSchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .transform((value, ctx): string => {
    const region = normaliseRegion(value);
    if (!region) {
      ctx.issues.push({ code: 'custom', input: value, message: `"${value}" is not a known region: use a GB/T 2260 code (110119), a name (北京市延庆区) or national.` });
      return z.NEVER;
    }
    return region.code;
  })
  .meta({ description: 'A GB/T 2260 code, a Chinese administrative name, or `national`.', example: '北京市延庆区' });

/** Non-negative yuan amount. */
export const yuan = () => z.number().min(0).max(10_000_000);

/** ISO 8601 timestamp with offset. */
export const IsoDateTimeSchema = z.iso.datetime({ offset: true });
