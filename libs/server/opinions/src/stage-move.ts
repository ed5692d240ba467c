import { Actor, assertStageMove, CaseEventKind, CaseStage } from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { CaseStageChange, PatientCase } from '@second-look/server-cases';
import { CaseEventsPublisher } from '@second-look/server-collaboration';
import { EntityManager } from 'typeorm';

/**
 * A stage move made as part of a journey step (another round, closing with an outcome), inside
 * that step's transaction: the same rule, history row and audit entry as moveCaseStage.
 */
export async function moveStageWithin(
  m: EntityManager,
  audit: AuditService,
  events: CaseEventsPublisher,
  actor: Actor,
  kase: PatientCase,
  to: CaseStage,
  now: Date,
  change: 'nextRound' | 'closed',
): Promise<PatientCase> {
  const from = kase.stage;
  assertStageMove(from, to);
  kase.stage = to;
  kase.closedAt = to === CaseStage.CLOSED ? now : null;
  const saved = await m.save(kase);
  await m.insert(CaseStageChange, { organizationId: kase.organizationId, caseId: kase.id, fromStage: from, toStage: to, byUserId: actor.userId });
  await audit.record(actor, { action: 'case.move_stage', entityType: 'case', entityId: kase.id, caseId: kase.id, detail: { from, to } }, m);
  // Same event as moveCaseStage, so every open page moves with it; `change` words the feed line.
  await events.publish(m, actor, kase, { kind: CaseEventKind.STAGE_MOVED, entityId: kase.id, detail: { from, to, change } });
  return saved;
}
