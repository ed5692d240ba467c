import { useTranslation } from 'react-i18next';
import { bellKeyOf, notificationKindName, REMINDER_KINDS } from '@second-look/domain';
import type { AppNotification } from '@second-look/contracts/graphql';
import { formatDay, relativeDay } from '@second-look/web-ui';
import { addAreaStrings, notificationsWords } from '@second-look/web-i18n';

addAreaStrings(notificationsWords);

/*
 * Every kind in REMINDER_KINDS has its bell sentence, for before and after its date, in English
 * and in Spanish: the locales take them from the domain's reminder words (REMINDER_BELL_EN,
 * REMINDER_BELL_ES), whose type asks for every kind's (BellKey).
 */

/** The catalog key for a kind; kinds this client does not know yet get the generic sentence. */
export function kindKey(kind: string): string {
  const [area, name] = kind.split('.', 2);
  if (area === 'comment' && name === 'MENTION') return 'MENTION';
  // To admins: one person was refused many times in a short while (see the audit log).
  if (area === 'security' && name === 'DENIED_BURST') return 'DENIED_BURST';
  const known = notificationKindName(kind);
  return known ? bellKeyOf(known) : 'generic';
}

/** One plain sentence for a notification, with its date said as people say it ("today", "mañana": Intl.RelativeTimeFormat). */
export function useNotificationText(today: string): (n: AppNotification) => string {
  const { t, i18n } = useTranslation();
  return (n) => {
    const key = kindKey(n.kind);
    if (key === 'generic') return t('notifications.kind.generic');
    if (key === 'MENTION') return t('notifications.kind.MENTION');
    if (key === 'DENIED_BURST') return t('notifications.kind.DENIED_BURST');
    // Kinds whose sentence needs no date (REMINDER_KINDS says `dueOn: 'NONE'`).
    const name = notificationKindName(n.kind);
    if (name && REMINDER_KINDS[name].dueOn === 'NONE') return t(`notifications.kind.${key}`);
    if (!n.dueOn) return t('notifications.kind.generic');
    const when = relativeDay(n.dueOn, today, i18n.language) ?? t('notifications.when.on', { date: formatDay(n.dueOn, i18n.language) });
    return t(`notifications.kind.${key}`, { when, context: n.dueOn < today ? 'past' : undefined });
  };
}
