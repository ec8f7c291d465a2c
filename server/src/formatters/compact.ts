// One line per finding, `path:line:column: severity: message [rule]`: for editors' problem matchers.
import { startOf, type Formatter } from './types';

export const compact: Formatter = (results) =>
  results.files
    .flatMap((file) => file.findings.map((finding) => {
      const { line, column } = startOf(finding);
      return `${file.path}:${line}:${column}: ${finding.severity}: ${finding.message.replace(/\s+/g, ' ')} [${finding.ruleId}]\n`;
    }))
    .join('');
