import type { TFunction } from 'i18next';
import { CaseEventKind } from '@second-look/domain';
import type { CaseActivityLine } from '@second-look/contracts/graphql';
import { addAreaStrings, activityWords, enumsWords } from '@second-look/web-i18n';

addAreaStrings(activityWords, enumsWords);

/** One plain sentence for a line of the feed: "Sam Rivera added lab results to the packet". */
export function activityText(t: TFunction, line: CaseActivityLine): string {
  const name = line.actor?.displayName ?? t('activity.system');
  const fieldWords = line.fields.map((f) => t(`activity.field.${f}`, { defaultValue: '' })).filter(Boolean);
  const fields = fieldWords.join(', ');
  const item = line.itemKind ? t(`enums.packetKind.${line.itemKind}`, { defaultValue: t('activity.anItem') }).toLocaleLowerCase() : t('activity.anItem');
  const base = `activity.kind.${line.kind}`;
  switch (line.kind) {
    case CaseEventKind.CASE_UPDATED:
    case CaseEventKind.RECORD_REQUEST_UPDATED:
      return fields ? t(base, { name, fields }) : t(`${base}_plain`, { name });
    case CaseEventKind.PACKET_ITEM_UPDATED:
      return fields ? t(base, { name, item, fields }) : t(`${base}_plain`, { name, item });
    case CaseEventKind.COMMENT_ADDED:
      return t(line.staffOnly ? `${base}_internal` : base, { name });
    case CaseEventKind.STAGE_MOVED: {
      const to = line.toStage ? t(`enums.stage.${line.toStage}`) : '';
      return line.change ? t(`${base}_${line.change}`, { name, to, defaultValue: t(base, { name, to }) }) : t(base, { name, to });
    }
    default:
      // One kind covers several steps of the journey (added, moved, removed…): word the step when known.
      return line.change ? t(`${base}_${line.change}`, { name, item, defaultValue: t(base, { name, item }) }) : t(base, { name, item });
  }
}
