export * from './holder/record-holder.entity';
export * from './packet/packet-item.entity';
export * from './request/record-request.entity';
export * from './request/record-request-item.entity';
export * from './request/record-follow-up.entity';
export * from './document/case-document.entity';

import { CaseDocument } from './document/case-document.entity';
import { RecordHolder } from './holder/record-holder.entity';
import { PacketItem } from './packet/packet-item.entity';
import { RecordFollowUp } from './request/record-follow-up.entity';
import { RecordRequestItem } from './request/record-request-item.entity';
import { RecordRequest } from './request/record-request.entity';
export const RECORD_ENTITIES = [RecordHolder, PacketItem, RecordRequest, RecordRequestItem, RecordFollowUp, CaseDocument];
export * from './records.model';
export * from './records.module';
export * from './holder/record-holder.service';
export * from './packet/packet.service';
export * from './request/record-request.service';
