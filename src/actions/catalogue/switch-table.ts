import { DescribeTaskDefinitionCommand, RegisterTaskDefinitionCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import type { ActionDefinition } from '../action-types';
import { callAws } from '../aws-call';
import { describeTable } from '../calls/dynamodb-calls';
import { describeServices, describeTaskDefinition, plannedRegisterTaskDefinition, registerTaskDefinition, setTaskDefinition, type ServiceRef } from '../calls/ecs-calls';
import { later } from '../calls/planned';
import { readTable } from '../dynamodb/table-state';
import { envValue, nextRevisionInput } from '../ecs/next-revision';
import { primaryDeployment, readService, STABLE_NOTE } from '../ecs/service-state';
import { waitForStable } from '../ecs/wait-stable';
import { DRILL_INFIX, isRestoredName } from '../names';
import { ParamReader } from '../params';
import { StepLog } from '../step-log';

export interface SwitchTableParams extends ServiceRef {
  container: string;
  envVar: string;
  table: string;
  to: string;
}

/**
 * Level 2, step 2 of the plan ("switch the table name and deploy"), done on
 * the running service instead of through CDK: a new task definition revision
 * with the container's table variable pointing at the restored table.
 */
export const switchTable: ActionDefinition<SwitchTableParams> = {
  name: 'switch-table',
  summary: "Point the service's table variable at a restored table (or back): new task definition revision, then update the service.",
  needsApproval: true,
  usage: 'switch-table table=<name> to=<name>-restored-<yyyymmddHHMM>|<name>',

  parseParams(args, targets) {
    const reader = new ParamReader(args, ['table', 'to']);
    const [table] = reader.tables('table', targets, reader.required('table', `one of ${targets.dynamodb.tables.join(', ')}`), false);
    const envVar = table === undefined ? undefined : targets.ecs.tableEnvVars[table];
    if (table !== undefined && envVar === undefined) reader.errors.push(`table: ${table} has no environment variable in the policy's targets.ecs.tableEnvVars, so it cannot be switched`);
    const to = reader.required('to', 'the restored table, <table>-restored-<yyyymmddHHMM>, or the table itself to switch back');
    if (table !== undefined && to !== undefined && to !== table && !isRestoredName(table, to)) {
      const why = to.includes(DRILL_INFIX) ? 'a drill table is never switched to' : `expected ${table}-restored-<yyyymmddHHMM> or ${table}`;
      reader.errors.push(`to: "${to}": ${why}`);
    }
    return reader.result(() => ({
      region: targets.region,
      cluster: targets.ecs.cluster,
      service: targets.ecs.service,
      container: targets.ecs.container,
      envVar: envVar ?? '',
      table: table ?? '',
      to: to ?? '',
    }));
  },

  plan(p) {
    const change = `the current containers, with ${p.container}'s ${p.envVar}=${p.to}`;
    return [
      describeTable(p.region, p.to).planned,
      describeServices(p).planned,
      describeTaskDefinition(p.region, later('task definition of the PRIMARY deployment, from DescribeServices')).planned,
      plannedRegisterTaskDefinition(
        p.region,
        later('family of the current task definition'),
        later(change),
        'every other field RegisterTaskDefinition accepts (roles, network mode, cpu, memory, volumes, tags…) is copied from the current revision unchanged',
      ),
      setTaskDefinition(p, later('new revision ARN, from RegisterTaskDefinition')).planned,
      describeServices(p, STABLE_NOTE).planned,
    ];
  },

  async run(p, ctx) {
    const log = new StepLog('switch-table');
    const ecs = ctx.aws.ecs(p.region);
    const table = await readTable(ctx, p.region, p.to);
    if (!table.ok) return log.fail('DescribeTable', table.error);
    if (table.value?.TableStatus !== 'ACTIVE') return log.fail('DescribeTable', `${p.to} is ${table.value?.TableStatus ?? 'missing'}; switch only to an ACTIVE table`);
    log.ok('DescribeTable', `${p.to} is ACTIVE`);
    const service = await readService(ctx, p);
    if (!service.ok) return log.fail('DescribeServices', service.error);
    const current = primaryDeployment(service.value)?.taskDefinition ?? service.value.taskDefinition;
    if (current === undefined) return log.fail('DescribeServices', `${p.service} reports no task definition`);
    const described = await callAws('DescribeTaskDefinition', () => ecs.send(new DescribeTaskDefinitionCommand(describeTaskDefinition(p.region, current).input)));
    if (!described.ok) return log.fail('DescribeTaskDefinition', described.error);
    const definition = described.value.taskDefinition;
    if (definition === undefined) return log.fail('DescribeTaskDefinition', `no task definition returned for ${current}`);
    const now = envValue(definition, p.container, p.envVar);
    if (!now.ok) return log.fail('DescribeTaskDefinition', now.error);
    if (now.value === p.to) {
      // Retry after the service was already updated: only the wait is left.
      log.ok('RegisterTaskDefinition', `skipped: ${current} already has ${p.envVar}=${p.to}`);
    } else {
      // A crash between these two calls leaves an unused revision; the retry registers
      // another identical one, which is harmless and simpler than searching for it.
      const input = nextRevisionInput(definition, described.value.tags, p.container, p.envVar, p.to);
      const registered = await callAws('RegisterTaskDefinition', () => ecs.send(new RegisterTaskDefinitionCommand(registerTaskDefinition(p.region, input).input)));
      if (!registered.ok) return log.fail('RegisterTaskDefinition', registered.error);
      const revision = registered.value.taskDefinition?.taskDefinitionArn;
      if (revision === undefined) return log.fail('RegisterTaskDefinition', 'no task definition ARN returned');
      log.ok('RegisterTaskDefinition', `${revision}: ${p.container} ${p.envVar} ${now.value} → ${p.to}`);
      const updated = await callAws('UpdateService', () => ecs.send(new UpdateServiceCommand(setTaskDefinition(p, revision).input)));
      if (!updated.ok) return log.fail('UpdateService', updated.error);
      log.ok('UpdateService', `${p.service} now deploying ${revision}`);
      await ctx.progress(`switch-table: ${p.service} is deploying with ${p.envVar}=${p.to}; waiting until it is stable`);
    }
    const unstable = await waitForStable(ctx, p, log);
    if (unstable) return unstable;
    return log.done(`${p.service} now uses ${p.to} for ${p.table} (${p.envVar}). Verify data integrity before resolving.`);
  },
};
