import {
  CreateBackupCommand,
  DeleteBackupCommand,
  DescribeContinuousBackupsCommand,
  ListBackupsCommand,
  type BackupSummary,
  type DynamoDBClient,
  type ListBackupsCommandInput,
} from '@aws-sdk/client-dynamodb';
import type { AwsClientStub } from 'aws-sdk-client-mock';

const H = 3_600_000;

/**
 * The backups side of DynamoDB as the checks, the daily backup and retention
 * see it: PITR per table and a list of backups per table, changed by
 * CreateBackup and DeleteBackup as AWS would.
 */
export class BackupWorld {
  readonly pitr = new Map<string, { status: 'ENABLED' | 'DISABLED'; latest?: Date }>();
  readonly backups = new Map<string, BackupSummary[]>();
  /** Tables whose CreateBackup fails. */
  readonly createFails = new Set<string>();
  private arn = 0;

  constructor(private readonly tables: readonly string[]) {}

  /** Every table healthy at `now`: PITR on, 5 minutes behind; a bot backup made two hours ago. */
  healthy(now: Date): void {
    for (const table of this.tables) {
      this.pitr.set(table, { status: 'ENABLED', latest: new Date(now.getTime() - 5 * 60_000) });
      this.backups.set(table, [this.backup(table, `${table}-backup-20250711`, new Date(now.getTime() - 2 * H))]);
    }
  }

  backup(table: string, name: string, createdAt: Date, extra: Partial<BackupSummary> = {}): BackupSummary {
    this.arn += 1;
    return {
      TableName: table,
      BackupName: name,
      BackupArn: `arn:aws:dynamodb:ap-northeast-1:123456789012:table/${table}/backup/0${this.arn}`,
      BackupType: 'USER',
      BackupStatus: 'AVAILABLE',
      BackupCreationDateTime: createdAt,
      ...extra,
    };
  }

  attach(mock: AwsClientStub<DynamoDBClient>): void {
    mock.on(DescribeContinuousBackupsCommand).callsFake((input: { TableName: string }) => {
      const pitr = this.pitr.get(input.TableName) ?? { status: 'DISABLED' as const };
      return { ContinuousBackupsDescription: { ContinuousBackupsStatus: 'ENABLED', PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: pitr.status, LatestRestorableDateTime: pitr.latest } } };
    });
    mock.on(ListBackupsCommand).callsFake((input: ListBackupsCommandInput) => {
      const all = this.backups.get(input.TableName ?? '') ?? [];
      const typed = input.BackupType === 'ALL' ? all : all.filter((b) => b.BackupType === input.BackupType);
      const since = input.TimeRangeLowerBound;
      return { BackupSummaries: since === undefined ? typed : typed.filter((b) => (b.BackupCreationDateTime?.getTime() ?? 0) >= new Date(since).getTime()) };
    });
    mock.on(CreateBackupCommand).callsFake((input: { TableName: string; BackupName: string }) => {
      if (this.createFails.has(input.TableName)) throw Object.assign(new Error('Backup limit reached'), { name: 'LimitExceededException' });
      const created = this.backup(input.TableName, input.BackupName, new Date());
      this.backups.set(input.TableName, [...(this.backups.get(input.TableName) ?? []), created]);
      return { BackupDetails: { BackupArn: created.BackupArn, BackupName: created.BackupName, BackupStatus: 'CREATING', BackupType: 'USER', BackupCreationDateTime: created.BackupCreationDateTime } };
    });
    mock.on(DeleteBackupCommand).callsFake((input: { BackupArn: string }) => {
      for (const [table, list] of this.backups) this.backups.set(table, list.filter((b) => b.BackupArn !== input.BackupArn));
      return { BackupDescription: { BackupDetails: { BackupArn: input.BackupArn, BackupStatus: 'DELETED' } } };
    });
  }
}
