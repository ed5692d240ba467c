import { Module } from '@nestjs/common';
import { AuditModule } from '@second-look/server-audit';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';

@Module({
  imports: [AuditModule],
  providers: [SearchService, SearchResolver],
  exports: [SearchService],
})
export class SearchModule {}
