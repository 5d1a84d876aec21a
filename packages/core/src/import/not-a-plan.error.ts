import { DomainError } from "../errors.js";

/** The input cannot be read as a plan at all (empty file, an image, random bytes). */
export class NotAPlanError extends DomainError {
  constructor(reason: string) {
    super("not_a_plan", reason);
    this.name = "NotAPlanError";
  }
}
