// Task rules that the list pages and the overview share. Pure module.
const DAY_MS = 24 * 60 * 60 * 1000;

/** Not done and due before today (a task due today is not yet overdue). */
export function isOverdue(task: { doneAt: Date | string | null; dueDate: Date | string | null }, now: Date = new Date()): boolean {
  if (task.doneAt || !task.dueDate) return false;
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  return new Date(task.dueDate).getTime() < today;
}
