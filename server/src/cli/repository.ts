// In GitHub Actions, the repository the run checks: GitHub names files from its root (annotations,
// code scanning) and shows them at the checked-out commit (links in the job summary).
import { resolve } from 'node:path';
import type { Repository } from '../formatters/types';
import { GitError, gitWorkTreeRoot } from './changed';

const REPOSITORY_NAME = /^[\w.-]+\/[\w.-]+$/;
const COMMIT = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i;
const SERVER = /^https?:\/\/[^\s()<>]+$/;

/**
 * Undefined outside GitHub Actions. The root is that of the git checkout holding the working
 * directory (a workflow may check out into a subfolder of the workspace), else the workspace;
 * links only when the server, repository and commit look like what GitHub sets.
 */
export function gitHubRepository(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): Repository | undefined {
  if (env.GITHUB_ACTIONS !== 'true' || !env.GITHUB_WORKSPACE) return undefined;
  const repository: Repository = { root: gitCheckoutRoot(cwd) ?? resolve(env.GITHUB_WORKSPACE) };
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: name, GITHUB_SHA: commit } = env;
  if (server && SERVER.test(server) && name && REPOSITORY_NAME.test(name) && commit && COMMIT.test(commit)) {
    repository.blobUrl = `${server.replace(/\/+$/, '')}/${name}/blob/${commit}`;
  }
  return repository;
}

function gitCheckoutRoot(cwd: string): string | undefined {
  try {
    return gitWorkTreeRoot(cwd);
  } catch (error) {
    if (error instanceof GitError) return undefined;
    throw error;
  }
}
