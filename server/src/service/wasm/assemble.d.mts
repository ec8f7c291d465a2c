export const BINARY_MODULE: string;
export function binaryModuleText(): Promise<string>;
