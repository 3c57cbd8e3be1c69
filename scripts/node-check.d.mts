export declare const REQUIRED_NODE_MAJOR: number;
export declare function nodeProblem(version: string, hasRegisterHooks: boolean): string | undefined;
