// The mocha globals @web/test-runner provides in the browser. Declared here (the few we use)
// rather than adding @types/mocha, and only for test/components.
type MochaHook = (this: unknown) => void | Promise<unknown>;

declare function describe(title: string, suite: (this: unknown) => void): void;
declare function it(title: string, test: MochaHook): void;
declare function before(hook: MochaHook): void;
declare function after(hook: MochaHook): void;
declare function beforeEach(hook: MochaHook): void;
declare function afterEach(hook: MochaHook): void;
