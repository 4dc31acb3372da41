import { z } from 'zod';
import { route53Schema, toDnsTarget } from './dns-target-schema';
import type { Targets } from './policy-types';
import { describeValue, expecting, strictMapping } from './schema-fields';
import { ecsName, envVarName, httpsUrl, regionName, tableName } from './target-fields';

const MAX_TABLES = 50;
const TABLES_HINT = `expected a list of 1 to ${MAX_TABLES} table names`;

const tablesSchema = z
  .array(tableName, { error: expecting(TABLES_HINT) })
  .min(1, { error: TABLES_HINT })
  .max(MAX_TABLES, { error: TABLES_HINT })
  .superRefine((tables, ctx) => {
    const first = new Map<string, number>();
    tables.forEach((table, index) => {
      const seen = first.get(table);
      if (seen === undefined) first.set(table, index);
      else ctx.addIssue({ code: 'custom', message: `duplicate table ${describeValue(table)} (already at tables[${seen}])`, path: [index], input: table });
    });
  });

const ecsSchema = strictMapping({
  cluster: ecsName,
  service: ecsName,
  container: ecsName,
  tableEnvVars: z
    .record(tableName, envVarName, { error: expecting('expected a mapping from table name to environment variable name') })
    .refine((map) => Object.keys(map).length > 0, { error: 'expected at least one table → environment variable entry' }),
});

/**
 * The `targets:` section: what the recovery actions act on. Cross-field
 * rules (a mapped table must be listed, DR is another region) run once each
 * field is valid, so their messages never pile onto a field already wrong.
 */
export const targetsSchema = strictMapping({
  region: regionName,
  ecs: ecsSchema,
  dynamodb: strictMapping({ tables: tablesSchema }),
  healthUrl: httpsUrl,
  route53: route53Schema,
  dr: strictMapping({ region: regionName, cluster: ecsName, service: ecsName }),
})
  .superRefine((targets, ctx) => {
    // An empty list is already reported; listing every mapping as unknown would only bury that line.
    const tablesKnown = targets.dynamodb.tables.length > 0;
    for (const table of Object.keys(targets.ecs.tableEnvVars)) {
      if (!tablesKnown || targets.dynamodb.tables.includes(table)) continue;
      ctx.addIssue({ code: 'custom', message: 'not one of dynamodb.tables', path: ['ecs', 'tableEnvVars', table], input: table });
    }
    if (targets.dr.region === targets.region) {
      ctx.addIssue({ code: 'custom', message: `expected a region other than the primary ${targets.region}`, path: ['dr', 'region'], input: targets.dr.region });
    }
  })
  .transform(
    (targets): Targets => ({
      region: targets.region,
      ecs: { cluster: targets.ecs.cluster, service: targets.ecs.service, container: targets.ecs.container, tableEnvVars: { ...targets.ecs.tableEnvVars } },
      dynamodb: { tables: [...targets.dynamodb.tables] },
      healthUrl: targets.healthUrl,
      route53: {
        hostedZoneId: targets.route53.hostedZoneId,
        recordName: targets.route53.recordName,
        recordType: targets.route53.recordType,
        primaryTarget: toDnsTarget(targets.route53.primaryTarget),
        drTarget: toDnsTarget(targets.route53.drTarget),
      },
      dr: { region: targets.dr.region, cluster: targets.dr.cluster, service: targets.dr.service },
    }),
  );
