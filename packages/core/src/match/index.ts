export { matchTasks } from "./task.match.js";
export type { MatchOptions, MatchedTask, TaskMatch } from "./task.match.js";
