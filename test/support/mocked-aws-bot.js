/**
 * The built bot (dist/src/main.js) as its own process, with AWS DynamoDB
 * mocked at the SDK-command level by aws-sdk-client-mock: for tests that
 * SIGKILL a worker in the middle of a live recovery action.
 *
 * Environment, besides the bot's own settings:
 *   AWS_CALL_LOG         file that gets one JSON line per command sent to AWS
 *                        ({ pid, command, input }), appended synchronously so
 *                        the record survives a SIGKILL; it is also the model's
 *                        memory across processes, as AWS's state would be.
 *   CRASH_AFTER_RESTORE  "1": the first RestoreTableToPointInTime ever logged
 *                        is recorded and then this process SIGKILLs itself
 *                        before answering, i.e. AWS accepted the restore and
 *                        the worker died before it could record anything.
 *
 * The model of AWS: the restore's target table does not exist
 * (ResourceNotFoundException) until a RestoreTableToPointInTime for it is in
 * the log; then DescribeTable says CREATING once, then ACTIVE. A second
 * restore into the same name fails with TableAlreadyExistsException, as AWS
 * does. Point-in-time recovery is enabled on every source table.
 *
 * The bot's own store speaks DynamoDB too (STORE=dynamodb on a loopback
 * endpoint, region from AWS_REGION): clients not in AWS_MOCK_REGION (the
 * policy's targets region) pass through to the real send.
 */
'use strict';

const { appendFileSync, readFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');
const {
  DynamoDBClient,
  ResourceNotFoundException,
  TableAlreadyExistsException,
} = require('@aws-sdk/client-dynamodb');
const { mockClient } = require('aws-sdk-client-mock');

const LOG = process.env.AWS_CALL_LOG;
if (!LOG) {
  process.stderr.write('mocked-aws-bot: set AWS_CALL_LOG to the file that records AWS calls\n');
  process.exit(2);
}
const MOCK_REGION = process.env.AWS_MOCK_REGION || 'ap-northeast-1';
const CRASH_AFTER_RESTORE = process.env.CRASH_AFTER_RESTORE === '1';

function readLog() {
  if (!existsSync(LOG)) return [];
  return readFileSync(LOG, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line));
}

function record(command, input) {
  appendFileSync(LOG, `${JSON.stringify({ pid: process.pid, command, input })}\n`);
}

const metadata = { httpStatusCode: 400, requestId: 'mocked', attempts: 1, totalRetryDelay: 0 };

function tableDescription(name, status, extra) {
  return {
    TableName: name,
    TableArn: `arn:aws:dynamodb:${MOCK_REGION}:123456789012:table/${name}`,
    TableStatus: status,
    ...extra,
  };
}

/** AWS's answer to one command, from what the log says has happened so far (this command included). */
function answer(command, input) {
  const log = readLog();
  switch (command) {
    case 'DescribeTable': {
      const restoreAt = log.findIndex((r) => r.command === 'RestoreTableToPointInTime' && r.input.TargetTableName === input.TableName);
      if (restoreAt === -1) {
        throw new ResourceNotFoundException({ message: `Requested resource not found: Table: ${input.TableName} not found`, $metadata: metadata });
      }
      const describesSince = log.slice(restoreAt + 1).filter((r) => r.command === 'DescribeTable' && r.input.TableName === input.TableName).length;
      return describesSince <= 1
        ? { Table: tableDescription(input.TableName, 'CREATING', { ItemCount: 0 }) }
        : { Table: tableDescription(input.TableName, 'ACTIVE', { ItemCount: 1234 }) };
    }
    case 'DescribeContinuousBackups': {
      const now = Date.now();
      return {
        ContinuousBackupsDescription: {
          ContinuousBackupsStatus: 'ENABLED',
          PointInTimeRecoveryDescription: {
            PointInTimeRecoveryStatus: 'ENABLED',
            EarliestRestorableDateTime: new Date(now - 35 * 24 * 3600_000),
            LatestRestorableDateTime: new Date(now - 5 * 60_000),
          },
        },
      };
    }
    case 'RestoreTableToPointInTime': {
      const restores = log.filter((r) => r.command === 'RestoreTableToPointInTime' && r.input.TargetTableName === input.TargetTableName);
      if (restores.length > 1) {
        throw new TableAlreadyExistsException({ message: `Table already exists: ${input.TargetTableName}`, $metadata: metadata });
      }
      if (CRASH_AFTER_RESTORE && restores.length === 1) {
        // AWS has the request (it is in the log); the worker dies before it hears back.
        process.kill(process.pid, 'SIGKILL');
      }
      return { TableDescription: tableDescription(input.TargetTableName, 'CREATING', { ItemCount: 0 }) };
    }
    default:
      throw new Error(`mocked-aws-bot: ${command} is not modelled`);
  }
}

const realSend = DynamoDBClient.prototype.send;
const dynamodb = mockClient(DynamoDBClient);
// Every DynamoDBClient's send goes through the mock; sinon hands us the client as `this`.
dynamodb.send.callsFake(async function send(commandObject, ...rest) {
  const region = await this.config.region();
  if (region !== MOCK_REGION) return realSend.call(this, commandObject, ...rest);
  const command = commandObject.constructor.name.replace(/Command$/, '');
  // As JSON, Dates as ISO strings: what the SDK would put on the wire.
  const input = JSON.parse(JSON.stringify(commandObject.input));
  record(command, input);
  return answer(command, input);
});

require(join(__dirname, '..', '..', 'dist', 'src', 'main.js'));
