import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { GqlContext, perRequest } from '@second-look/server-platform';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { CaseParticipant } from './case-participant.entity';

@Injectable()
export class ParticipantService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Participants of many cases in one query (callers pass ids already read through the case scope). */
  loader(ctx: GqlContext): DataLoader<string, CaseParticipant[]> {
    return perRequest(
      ctx,
      'participants',
      () =>
        new DataLoader<string, CaseParticipant[]>(async (caseIds) => {
          const rows = await this.dataSource.getRepository(CaseParticipant).find({ where: { caseId: In([...caseIds]) }, order: { createdAt: 'ASC' } });
          return caseIds.map((id) => rows.filter((r) => r.caseId === id));
        }),
    );
  }
}
