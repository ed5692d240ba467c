import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Panel } from '@second-look/web-ui';
import { addAreaStrings, exportsWords } from '@second-look/web-i18n';

addAreaStrings(exportsWords);

/**
 * The case as a FHIR R4 file (GET /api/cases/:id/fhir, session cookie), for staff and for the
 * patient alike: the server leaves staff-only notes out for anyone without staff access.
 */
export function FhirExportPanel(props: { caseId: string }) {
  const { t } = useTranslation();
  const href = `/api/cases/${encodeURIComponent(props.caseId)}/fhir`;
  return (
    <Panel headingId="fhir-export-heading" title={t('exports.fhir.heading')} titleSize="h4" gap="xs">
      <Text size="sm">{t('exports.fhir.intro')}</Text>
      <Group gap="md">
        <Anchor href={href} download fw={600} className="sl-small-target">
          {t('exports.fhir.download')}
        </Anchor>
        <Anchor href={`${href}?attachments=inline`} download className="sl-small-target">
          {t('exports.fhir.downloadWithFiles')}
        </Anchor>
      </Group>
      <Text size="sm" c="gray.8">
        {t('exports.fhir.filesHelp')}
      </Text>
    </Panel>
  );
}
