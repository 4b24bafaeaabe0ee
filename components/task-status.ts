/**
 * A task's status (components/task.ts), numbered as `@lit/task` numbers them. It is a module of
 * constants, re-exported as the namespace `TaskStatus`, so that the bundler writes the number in
 * place of each `TaskStatus.COMPLETE`.
 */
export const INITIAL = 0;
export const PENDING = 1;
export const COMPLETE = 2;
export const ERROR = 3;
