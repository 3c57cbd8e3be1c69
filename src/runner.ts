// Facts about the runner the step is on, from its environment.

type Env = Record<string, string | undefined>;

/** github.com or a GHE.com data-residency host (GitHub Enterprise Server is neither). */
export function onGitHubDotCom(env: Env): boolean {
  const host = new URL(env.GITHUB_SERVER_URL || 'https://github.com').hostname.toUpperCase();
  return host === 'GITHUB.COM' || host.endsWith('.GHE.COM') || host.endsWith('.LOCALHOST');
}
