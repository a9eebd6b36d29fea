// The publishing side of updates: electron-builder's publish provider and the release
// workflow that attaches the feeds electron-updater reads.
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

interface Step {
  name?: string;
  run?: string;
  with?: Record<string, unknown>;
  uses?: string;
}
interface Workflow {
  jobs: Record<string, { steps: Step[] }>;
}

const builder = load(readFileSync('electron-builder.yml', 'utf8')) as { publish: Record<string, unknown> };
const release = load(readFileSync('.github/workflows/release.yml', 'utf8')) as Workflow;
const steps = Object.values(release.jobs).flatMap((job) => job.steps);
const step = (match: (step: Step) => boolean) => {
  const found = steps.find(match);
  if (!found) throw new Error('step not found');
  return found;
};

describe('publishing updates', () => {
  it('electron-builder publishes to GitHub releases, as the release workflow does', () => {
    expect(builder.publish).toMatchObject({ provider: 'github', releaseType: 'draft' });
    expect(step((s) => s.uses?.startsWith('softprops/action-gh-release') ?? false).with).toMatchObject({
      draft: true,
    });
  });

  it('the workflow builds for the repository it runs in and attaches every feed and blockmap', () => {
    const build = step((s) => s.name === 'Build installers');
    expect(build.run).toContain('-c.publish.owner=${{ github.repository_owner }}');
    expect(build.run).toContain('-c.publish.repo=${{ github.event.repository.name }}');
    const upload = step((s) => s.uses?.startsWith('actions/upload-artifact') ?? false);
    const paths = String(upload.with?.path).split('\n');
    for (const pattern of ['release/latest*.yml', 'release/beta*.yml', 'release/*.blockmap', 'release/*.zip']) {
      expect(paths).toContain(pattern);
    }
    // builder-debug.yml and builder-effective-config.yaml stay out of the release.
    expect(paths).not.toContain('release/*.yml');
  });

  it('a pre-release tag makes a GitHub pre-release, so the stable channel never offers it', () => {
    const publish = step((s) => s.uses?.startsWith('softprops/action-gh-release') ?? false);
    expect(publish.with?.prerelease).toBe("${{ contains(github.ref_name, '-') }}");
  });

  it('a Mac build is marked signed only when the signing certificate is configured', () => {
    const build = step((s) => s.name === 'Build installers');
    expect(build.run).toContain(
      "${{ runner.os == 'macOS' && secrets.MAC_CSC_LINK != '' && '-c.extraMetadata.macSigned=true' || '' }}",
    );
  });
});
