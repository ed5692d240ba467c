import { Module } from '@nestjs/common';
import { AuditModule } from '@second-look/server-audit';
import { CasesModule } from '@second-look/server-cases';
import { IdentityModule } from '@second-look/server-identity';
import { VisitPacketController } from './visit-packet.controller';
import { VisitPacketService } from './visit-packet.service';

/** The appointment-ready packet PDF (docs/visit-packet.md). It owns no tables: it reads the areas' own. */
@Module({
  imports: [AuditModule, IdentityModule, CasesModule],
  controllers: [VisitPacketController],
  providers: [VisitPacketService],
  exports: [VisitPacketService],
})
export class VisitPacketModule {}
