import {
  DeleteTableCommand,
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  RestoreTableToPointInTimeCommand,
  type DynamoDBClient,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import type { AwsClientStub } from 'aws-sdk-client-mock';

export function awsError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

interface ModelTable {
  description: TableDescription;
  /** Statuses DescribeTable reports next, one per call, before settling on description.TableStatus. */
  upcoming: string[];
}

/**
 * A small model of DynamoDB's tables for drill tests: a restore creates the
 * target (CREATING for `creatingChecks` reads, then ACTIVE), DeleteTable removes
 * it, a table being created refuses deletion. What is left at the end is
 * whatever `tables` still holds, so "no table left behind" is checked on state,
 * not on which calls were made.
 */
export class DynamoModel {
  readonly tables = new Map<string, ModelTable>();
  restoreError?: Error;
  creatingChecks = 2;
  restoredItemCount = 995;
  restorePoint = new Date(0);
  /** Status the restored table settles on (ACTIVE; a dead end like ARCHIVED makes the wait fail). */
  restoredStatus = 'ACTIVE';
  pitr: 'ENABLED' | 'DISABLED' = 'ENABLED';

  addTable(name: string, itemCount: number, status = 'ACTIVE'): void {
    this.tables.set(name, { description: { TableName: name, TableStatus: status as TableDescription['TableStatus'], ItemCount: itemCount, ...KEYS }, upcoming: [] });
  }

  attach(mock: AwsClientStub<DynamoDBClient>): void {
    mock.on(DescribeTableCommand).callsFake((input: { TableName: string }) => {
      const table = this.tables.get(input.TableName);
      if (!table) throw awsError('ResourceNotFoundException', `Requested resource not found: Table: ${input.TableName} not found`);
      const status = table.upcoming.shift() ?? table.description.TableStatus;
      return { Table: { ...table.description, TableStatus: status } };
    });
    mock.on(DescribeContinuousBackupsCommand).callsFake(() => ({
      ContinuousBackupsDescription: {
        ContinuousBackupsStatus: this.pitr,
        PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: this.pitr, LatestRestorableDateTime: this.restorePoint },
      },
    }));
    mock.on(RestoreTableToPointInTimeCommand).callsFake((input: { SourceTableName: string; TargetTableName: string }) => {
      if (this.restoreError) throw this.restoreError;
      if (this.tables.has(input.TargetTableName)) throw awsError('TableAlreadyExistsException', `Table already exists: ${input.TargetTableName}`);
      const source = this.tables.get(input.SourceTableName);
      const description: TableDescription = {
        ...KEYS,
        ...source?.description,
        TableName: input.TargetTableName,
        TableStatus: this.restoredStatus as TableDescription['TableStatus'],
        ItemCount: this.restoredItemCount,
        RestoreSummary: { RestoreDateTime: this.restorePoint, RestoreInProgress: false },
      };
      this.tables.set(input.TargetTableName, { description, upcoming: Array.from({ length: this.creatingChecks }, () => 'CREATING') });
      return { TableDescription: { ...description, TableStatus: 'CREATING' } };
    });
    mock.on(DeleteTableCommand).callsFake((input: { TableName: string }) => {
      const table = this.tables.get(input.TableName);
      if (!table) throw awsError('ResourceNotFoundException', `Requested resource not found: Table: ${input.TableName} not found`);
      if (table.upcoming.length > 0) throw awsError('ResourceInUseException', `Table is being created: ${input.TableName}`);
      this.tables.delete(input.TableName);
      return { TableDescription: { TableName: input.TableName, TableStatus: 'DELETING' } };
    });
  }
}

const KEYS: Pick<TableDescription, 'KeySchema' | 'AttributeDefinitions'> = {
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ],
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' },
    { AttributeName: 'sk', AttributeType: 'S' },
  ],
};

/** The commands a mock received, as `Name {input}` lines: easy to compare in order. */
export function sentCommands(mock: AwsClientStub<DynamoDBClient>): string[] {
  return mock.calls().map((call) => {
    const command = call.args[0] as { constructor: { name: string }; input: unknown };
    return `${command.constructor.name.replace(/Command$/, '')} ${JSON.stringify(command.input)}`;
  });
}
