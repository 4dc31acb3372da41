import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadPolicyFile } from '../../../escalation/load-policy-file';
import { policyYamlWith, validPolicyData } from './policy-fixture';

describe('loadPolicyFile', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'irbot-policy-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads and parses a valid file', () => {
    const path = join(dir, 'policy.yaml');
    writeFileSync(path, stringify(validPolicyData()));
    const result = loadPolicyFile(path);
    expect(result.ok && result.policy.levels.map((l) => l.id)).toEqual(['L1', 'L2', 'L3', 'L4']);
  });

  it('starts every error with the path as given', () => {
    const path = join(dir, 'policy.yaml');
    writeFileSync(path, policyYamlWith(['levels', 2, 'ackTimeout'], '15 minutes'));
    expect(loadPolicyFile(path)).toEqual({
      ok: false,
      errors: [`${path}: levels[2].ackTimeout: expected a duration like 15m (got "15 minutes")`],
    });
  });

  it('prefixes YAML syntax errors too', () => {
    const path = join(dir, 'policy.yaml');
    writeFileSync(path, 'rto: 4h\nrto: 1h\n');
    expect(loadPolicyFile(path)).toEqual({ ok: false, errors: [`${path}: line 2, column 1: Map keys must be unique`] });
  });

  it('reports a missing file as one clear error', () => {
    const path = join(dir, 'nope.yaml');
    expect(loadPolicyFile(path)).toEqual({ ok: false, errors: [`${path}: policy file not found`] });
  });

  it('reports a directory given instead of a file', () => {
    expect(loadPolicyFile(dir)).toEqual({ ok: false, errors: [`${dir}: is a directory, expected the policy YAML file`] });
  });
});
