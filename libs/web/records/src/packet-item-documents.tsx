import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@second-look/web-ui';
import type { CaseDocument } from '@second-look/contracts/graphql';
import { formatBytes } from './dates';

/** Short words for the types the API accepts (it detects them from the bytes). */
const TYPE_WORDS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/heic': 'HEIC',
  'image/heif': 'HEIF',
  'image/tiff': 'TIFF',
  'application/dicom': 'DICOM',
  'application/zip': 'ZIP',
};

/** The files on one packet item, each a download link (the browser saves it; every download is audited). */
export function PacketItemDocuments({ documents, timeZone }: { documents: CaseDocument[]; timeZone: string }) {
  const { t, i18n } = useTranslation();
  if (!documents.length) return null;
  return (
    <Stack component="ul" gap={4} style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('records.documentsHeading')}>
      {documents.map((d) => {
        const meta = {
          type: TYPE_WORDS[d.contentType] ?? d.contentType,
          size: formatBytes(d.sizeBytes, i18n.language),
          when: formatDate(d.createdAt, i18n.language, timeZone),
          who: d.uploadedBy?.displayName ?? '',
        };
        return (
          <li key={d.id}>
            <Anchor href={d.downloadUrl} download={d.fileName} className="sl-small-target" style={{ overflowWrap: 'anywhere' }}>
              {t('records.download', { name: d.fileName })}
            </Anchor>
            <Text size="xs" c="dimmed">
              {d.uploadedBy ? t('records.documentMeta', meta) : t('records.documentMetaNoOne', meta)}
            </Text>
          </li>
        );
      })}
    </Stack>
  );
}
