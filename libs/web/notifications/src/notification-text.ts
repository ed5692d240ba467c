import { useTranslation } from 'react-i18next';
import type { AppNotification } from '@second-look/contracts/graphql';
import { formatDay, relativeDay } from '@second-look/web-ui';

const RECORD_REQUEST_KINDS = new Set(['SENT_DAY', 'TARGET_SOON', 'TARGET_DUE', 'LEGAL_SOON', 'LEGAL_DUE', 'LEGAL_OVERDUE']);
/** Appointment reminders and coverage flags: "appointment.SOON" reads as APPOINTMENT_SOON. */
const APPOINTMENT_KINDS = new Set(['appointment.SOON', 'appointment.DAY_BEFORE', 'appointment.RECORD_OPINION', 'appointment.BOOK_FOLLOW_UP', 'insurance.VERIFY_COVERAGE', 'insurance.PRE_AUTH_EXPIRES', 'insurance.REVERIFY_COVERAGE']);
/** Kinds whose sentence needs no date. */
const DATELESS = new Set(['SENT_DAY', 'LEGAL_OVERDUE']);

/** The catalogue key for a kind; kinds this client does not know yet get the generic sentence. */
export function kindKey(kind: string): string {
  const [area, name] = kind.split('.', 2);
  if (area === 'comment' && name === 'MENTION') return 'MENTION';
  if (APPOINTMENT_KINDS.has(kind)) return `${area.toUpperCase()}_${name}`;
  return area === 'record_request' && name && RECORD_REQUEST_KINDS.has(name) ? name : 'generic';
}

/** One plain sentence for a notification, with its date said as people say it ("today", "mañana": Intl.RelativeTimeFormat). */
export function useNotificationText(today: string): (n: AppNotification) => string {
  const { t, i18n } = useTranslation();
  return (n) => {
    const key = kindKey(n.kind);
    if (key === 'generic') return t('notifications.kind.generic');
    if (key === 'MENTION') return t('notifications.kind.MENTION');
    if (DATELESS.has(key)) return t(`notifications.kind.${key}`);
    if (!n.dueOn) return t('notifications.kind.generic');
    const when = relativeDay(n.dueOn, today, i18n.language) ?? t('notifications.when.on', { date: formatDay(n.dueOn, i18n.language) });
    return t(`notifications.kind.${key}`, { when, context: n.dueOn < today ? 'past' : undefined });
  };
}
