// One line per finding, `path:line:column: severity: message [rule]`: for editors' problem matchers.
import { printable, startOf, type Formatter } from './types';

export const compact: Formatter = (results) =>
  results.files
    .flatMap((file) =>
      file.findings.map((finding) => {
        const { line, column } = startOf(finding);
        return `${printable(file.path)}:${line}:${column}: ${finding.severity}: ${printable(finding.message)} [${printable(finding.ruleId)}]\n`;
      }),
    )
    .join('');
