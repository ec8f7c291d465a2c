// The tool's version, from package.json (the bundle carries only this field of it).
import { version } from '../../package.json';

export const TOOL_VERSION: string = version;
