import type { Deployment, Service } from '@aws-sdk/client-ecs';

export const CLUSTER = 'lightningtalk-circle-prod';
export const SERVICE = 'lightningtalk-circle-prod-api';
export const TD_ARN = 'arn:aws:ecs:ap-northeast-1:123456789012:task-definition/lightningtalk-circle-prod-api:41';

export function deployment(overrides: Partial<Deployment> = {}): Deployment {
  return {
    id: 'ecs-svc/1111',
    status: 'PRIMARY',
    taskDefinition: TD_ARN,
    desiredCount: 2,
    runningCount: 2,
    pendingCount: 0,
    rolloutState: 'COMPLETED',
    createdAt: new Date('2025-07-10T00:00:00Z'),
    ...overrides,
  };
}

/** A service answer: stable by default (one COMPLETED primary running 2 of 2). */
export function service(overrides: Partial<Service> = {}): { services: Service[] } {
  return {
    services: [
      {
        serviceName: SERVICE,
        status: 'ACTIVE',
        desiredCount: 2,
        runningCount: 2,
        pendingCount: 0,
        taskDefinition: TD_ARN,
        deployments: [deployment()],
        events: [
          { id: 'e2', createdAt: new Date('2025-07-11T03:20:00Z'), message: '(service lightningtalk-circle-prod-api) has reached a steady state.' },
          { id: 'e1', createdAt: new Date('2025-07-11T03:10:00Z'), message: '(service lightningtalk-circle-prod-api) has started 1 tasks.' },
        ],
        ...overrides,
      },
    ],
  };
}

/** The answer while a new deployment rolls out: the new PRIMARY and the old ACTIVE one. */
export function rollingOut(createdAt: Date): { services: Service[] } {
  return service({
    runningCount: 3,
    deployments: [
      deployment({ id: 'ecs-svc/2222', runningCount: 1, rolloutState: 'IN_PROGRESS', createdAt }),
      deployment({ status: 'ACTIVE', runningCount: 2 }),
    ],
  });
}
