import { Button, FileButton, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorKey } from '@second-look/web-ui';
import { ACCEPT, uploadDocument, type UploadFailure } from './upload';
import { addAreaStrings, recordsWords } from '@second-look/web-i18n';

addAreaStrings(recordsWords);

interface Outcome {
  name: string;
  error?: UploadFailure;
}

/**
 * Upload to one packet item. On a phone the file picker offers the camera as well as files
 * (`accept` includes images, and no `capture`, so the patient can choose either), and
 * several pages can be picked at once. Each file's result is said in words.
 */
export function PacketItemUpload(props: { itemId: string; itemName: string; prominent: boolean; onUploaded: () => void }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState<{ name: string; progress: number } | null>(null);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);

  const errorText = (e: UploadFailure): string => t(e.code === 'VALIDATION_FAILED' ? 'records.uploadNotAccepted' : errorKey(e.code));

  const onFiles = async (files: File[]) => {
    if (!files.length) return;
    const done: Outcome[] = [];
    setOutcomes([]);
    for (const file of files) {
      setCurrent({ name: file.name, progress: 0 });
      const res = await uploadDocument(props.itemId, file, (p) => setCurrent({ name: file.name, progress: p }));
      done.push(res.ok ? { name: res.document.fileName } : { name: file.name, error: res.error });
      setOutcomes([...done]);
      if (res.ok) props.onUploaded();
    }
    setCurrent(null);
  };

  const label = props.prominent ? t('records.uploadPhoto') : t('records.upload');
  const aria = props.prominent ? t('records.uploadPhotoLabel', { item: props.itemName }) : t('records.uploadLabel', { item: props.itemName });
  return (
    <Stack gap={6}>
      <FileButton onChange={onFiles} accept={ACCEPT} multiple disabled={!!current}>
        {(p) => (
          <Button
            style={props.prominent ? undefined : { alignSelf: 'flex-start' }}
            {...p}
            variant={props.prominent ? 'filled' : 'outline'}
            size={props.prominent ? 'lg' : 'sm'}
            fullWidth={props.prominent}
            loading={!!current}
            aria-label={aria}
          >
            {label}
          </Button>
        )}
      </FileButton>
      {props.prominent ? (
        <Text size="sm" c="dimmed">
          {t('records.uploadHelp')}
        </Text>
      ) : null}
      {current ? (
        <Stack gap={4} role="status" aria-live="polite">
          <Text size="sm">{t('records.uploading', { name: current.name })}</Text>
          <Progress value={current.progress * 100} aria-hidden size="sm" />
        </Stack>
      ) : null}
      {outcomes.map((o, i) =>
        o.error ? (
          <Text key={i} size="sm" c="red.9" role="alert">
            {t('records.uploadFailed', { name: o.name })} {errorText(o.error)}
          </Text>
        ) : (
          <Text key={i} size="sm" c="teal.9" role="status">
            {t('records.uploaded', { name: o.name })}
          </Text>
        ),
      )}
    </Stack>
  );
}
