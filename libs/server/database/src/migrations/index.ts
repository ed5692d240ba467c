import { Initial1795320028484 } from './1795320028484-Initial';
import { AuditAppendOnly1795320028485 } from './1795320028485-AuditAppendOnly';
import { RecordsPacketRequests1795321729621 } from './1795321729621-RecordsPacketRequests';
import { BoardCoveringIndex1795326000000 } from './1795326000000-BoardCoveringIndex';
import { CaseActivity1795360000000 } from './1795360000000-CaseActivity';
import { CaseNotes1795365000000 } from './1795365000000-CaseNotes';
import { NotificationsAndReminders1795323705613 } from './1795323705613-NotificationsAndReminders';
import { CaseStageHistoryAndTimeline1795323260258 } from './1795323260258-CaseStageHistoryAndTimeline';
import { TransactionalOutbox1795322495418 } from './1795322495418-TransactionalOutbox';

// Every schema change, in order. Each has an `up` and a `down`.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [Initial1795320028484, AuditAppendOnly1795320028485, RecordsPacketRequests1795321729621, TransactionalOutbox1795322495418, CaseStageHistoryAndTimeline1795323260258, NotificationsAndReminders1795323705613, BoardCoveringIndex1795326000000, CaseActivity1795360000000, CaseNotes1795365000000];
