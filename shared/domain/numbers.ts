/**
 * `value` rounded to `digits` decimal places (half away from zero for positives, as Math.round):
 * scores to 3 places, money to 2, hours to 1. Rounding happens at the edge of a computation, on
 * what is shown or stored, never on intermediate sums.
 */
export const round = (value: number, digits = 3): number => Math.round(value * 10 ** digits) / 10 ** digits;
