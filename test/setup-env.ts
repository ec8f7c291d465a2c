// Tests describe runs outside GitHub Actions unless they set its variables themselves: CI may run
// in GitHub Actions, whose variables change how the reports name and link files.
for (const name of Object.keys(process.env)) if (name.startsWith('GITHUB_')) delete process.env[name];
