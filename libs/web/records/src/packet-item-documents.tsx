import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog, formatDate, formatBytes, errorKey } from '@second-look/web-ui';
import type { CaseDocument } from '@second-look/contracts/graphql';
import { deleteDocument, type UploadFailure } from './upload';
import { addAreaStrings, recordsWords } from '@second-look/web-i18n';

addAreaStrings(recordsWords);

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

/** Remove one file, after a plain confirmation (the API checks the right to edit the case and audits it). */
function RemoveDocument({ document, onRemoved }: { document: CaseDocument; onRemoved: (name: string) => void }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const errorText = (e: UploadFailure): string => t(e.code === 'VALIDATION_FAILED' ? 'records.uploadNotAccepted' : errorKey(e.code));
  return (
    <>
      <Button variant="subtle" color="red" c="red.9" size="compact-sm" onClick={() => setOpened(true)} aria-label={t('records.removeDocumentLabel', { name: document.fileName })}>
        {t('records.removeDocument')}
      </Button>
      <ConfirmDialog
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('records.removeDocumentTitle')}
        message={<Text style={{ overflowWrap: 'anywhere' }}>{t('records.removeDocumentConfirm', { name: document.fileName })}</Text>}
        confirmLabel={t('records.removeDocumentAction')}
        onConfirm={async () => {
          const res = await deleteDocument(document.id);
          if (!res.ok) {
            return (
              <Text size="sm" c="red.9" role="alert">
                {errorText(res.error)}
              </Text>
            );
          }
          onRemoved(document.fileName);
          return null;
        }}
      />
    </>
  );
}

/**
 * The files on one packet item, each a download link (the browser saves it; every download is
 * audited). Those who may edit the case can remove a file; `onRemoved` re-reads the packet.
 */
export function PacketItemDocuments({ documents, timeZone, canRemove = false, onRemoved }: { documents: CaseDocument[]; timeZone: string; canRemove?: boolean; onRemoved?: () => void }) {
  const { t, i18n } = useTranslation();
  const [removed, setRemoved] = useState<string | null>(null);
  if (!documents.length && !removed) return null;
  return (
    <Stack gap={4}>
      {documents.length ? (
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
                <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
                  <div style={{ minWidth: 0 }}>
                    <Anchor href={d.downloadUrl} download={d.fileName} className="sl-small-target" style={{ overflowWrap: 'anywhere' }}>
                      {t('records.download', { name: d.fileName })}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {d.uploadedBy ? t('records.documentMeta', meta) : t('records.documentMetaNoOne', meta)}
                    </Text>
                  </div>
                  {canRemove ? (
                    <RemoveDocument
                      document={d}
                      onRemoved={(name) => {
                        setRemoved(name);
                        onRemoved?.();
                      }}
                    />
                  ) : null}
                </Group>
              </li>
            );
          })}
        </Stack>
      ) : null}
      {removed ? (
        <Text size="sm" c="teal.9" role="status">
          {t('records.documentRemoved', { name: removed })}
        </Text>
      ) : null}
    </Stack>
  );
}
