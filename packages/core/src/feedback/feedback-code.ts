import { fold } from "../text/fold.js";
import { addDays } from "../status/dates.js";
import { isWorkingDay, type Holidays } from "../reminders/working-days.js";

/** Letters and digits a visitor cannot misread (no 0/O, 1/I/L). */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/**
 * A tracking code "GY-20261204-7KQ3MZ": the day received and six random characters from
 * `randomBytes` (the caller's source of randomness; core does no IO).
 */
export function feedbackCode(day: string, randomBytes: Uint8Array): string {
  const tail = Array.from(randomBytes.slice(0, 6), (b) => ALPHABET[b % ALPHABET.length]).join("");
  return `GY-${day.replaceAll("-", "")}-${tail}`;
}

export const FEEDBACK_CODE_PATTERN = /^GY-\d{8}-[2-9A-HJKMNP-Z]{6}$/;

/** The content two submissions are compared on: no diacritics, case or spacing differences. */
export function feedbackContentKey(title: string, content: string): string {
  return fold(`${title}\n${content}`)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The day `n` working days after `day` (that day itself not counted). */
export function addWorkingDays(day: string, n: number, holidays: Holidays): string {
  let date = day;
  for (let left = n; left > 0;) {
    date = addDays(date, 1);
    if (isWorkingDay(date, holidays)) left -= 1;
  }
  return date;
}
