// Types for node-flags.cjs.
export const FLAGS_FILE: string;
/** The Node/V8 flags of every API process (apps/api/node.flags). */
export function apiNodeFlags(file?: string): string[];
/** The flags of `flags` this process was not started with (command line or NODE_OPTIONS). */
export function missingNodeFlags(flags?: string[]): string[];
