import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { PacketItemKind, ResponsibleParty, isStaffRole } from '@second-look/domain';
import { useViewer } from '@second-look/web-auth';
import { ConfirmDialog, ErrorAlert, Loading, Panel } from '@second-look/web-ui';
import { RemovePacketItemMutation, type CaseDetail, type PacketItem } from '@second-look/contracts/graphql';
import { AddPacketItemForm, EditPacketItemForm } from './packet-item-form';
import { itemName, lightBadgeText, STATE_COLOR } from './labels';
import { PacketItemDocuments } from './packet-item-documents';
import { PacketItemUpload } from './packet-item-upload';
import { useCaseRecords } from './use-case-records';
import { addAreaStrings, enumsWords, recordsWords } from '@second-look/web-i18n';

addAreaStrings(enumsWords, recordsWords);

function RemoveItem({ item, name }: { item: PacketItem; name: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [, remove] = useMutation(RemovePacketItemMutation);
  return (
    <>
      <Button variant="subtle" color="red" size="sm" onClick={() => setOpened(true)} aria-label={t('records.removeItemLabel', { item: name })}>
        {t('records.removeItem')}
      </Button>
      <ConfirmDialog
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('records.removeConfirmTitle')}
        message={<Text>{t('records.removeConfirm', { item: name })}</Text>}
        confirmLabel={t('records.removeConfirmAction')}
        onConfirm={async () => {
          const res = await remove({ id: item.id });
          return res.data?.removePacketItem ? null : <ErrorAlert error={res.error} />;
        }}
      />
    </>
  );
}

/** Memoized: opening the panel's "Add an item" form does not draw every item again. */
const PacketItemCard = memo(function PacketItemCard(props: { item: PacketItem; canEdit: boolean; staff: boolean; timeZone: string; reload: () => void }) {
  const { t } = useTranslation();
  const { item, staff } = props;
  const [editing, setEditing] = useState(false);
  const name = itemName(t, item);
  const headingId = `packet-item-${item.id}`;
  // Patients gather what they hold themselves (their medication list, their own timeline):
  // for them that upload is the main thing to do, so it is the big button.
  const prominent = !staff && item.responsible !== ResponsibleParty.ADVOCATE;
  return (
    <Paper withBorder p="sm" radius="md" component="article" aria-labelledby={headingId}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <div style={{ minWidth: 0, flex: '1 1 12rem' }}>
            <Title order={3} size="h5" id={headingId}>
              {t(`enums.packetKind.${item.kind}`)}
            </Title>
            {item.title ? <Text style={{ overflowWrap: 'anywhere' }}>{item.title}</Text> : null}
          </div>
          <Badge color={STATE_COLOR[item.state]} c={lightBadgeText(STATE_COLOR[item.state])} variant="light" size="lg">
            {t('records.stateLabel', { state: t(`enums.packetState.${item.state}`) })}
          </Badge>
        </Group>
        {editing ? (
          <EditPacketItemForm item={item} staff={staff} reload={props.reload} onDone={() => setEditing(false)} />
        ) : (
          <>
            <Text size="sm">{item.holder ? t('records.sourceLabel', { name: item.holder.name }) : t('records.sourceNone')}</Text>
            <Text size="sm">{t('records.responsibleLabel', { who: t(`enums.responsible.${item.responsible}`) })}</Text>
            {item.notes ? (
              <Text size="sm" className="sl-pre-wrap">
                {item.notes}
              </Text>
            ) : null}
            {staff && item.staffNotes ? (
              <Paper p="xs" radius="sm" className="sl-internal">
                <Group gap="xs" mb={2}>
                  <Badge color="grape" variant="filled" size="sm">
                    {t('records.staffNotesBadge')}
                  </Badge>
                </Group>
                <Text size="sm" className="sl-pre-wrap">
                  {item.staffNotes}
                </Text>
              </Paper>
            ) : null}
            <PacketItemDocuments documents={item.documents} timeZone={props.timeZone} canRemove={props.canEdit} onRemoved={props.reload} />
            {props.canEdit ? (
              <Stack gap="xs" mt={4}>
                {prominent ? <PacketItemUpload itemId={item.id} itemName={name} prominent onUploaded={props.reload} /> : null}
                <Group gap="xs" align="flex-start">
                  {!prominent ? <PacketItemUpload itemId={item.id} itemName={name} prominent={false} onUploaded={props.reload} /> : null}
                  <Button variant="default" size="sm" onClick={() => setEditing(true)} aria-label={t('records.editItemLabel', { item: name })}>
                    {t('records.editItem')}
                  </Button>
                  <RemoveItem item={item} name={name} />
                </Group>
              </Stack>
            ) : null}
          </>
        )}
      </Stack>
    </Paper>
  );
});

/** The case's record packet: what is needed, from where, who is getting it, and the files. */
export function RecordPacketPanel({ item }: { item: CaseDetail }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const staff = isStaffRole(viewer.role);
  const { records, fetching, error, reload } = useCaseRecords(item.id);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<PacketItemKind | null>(null);
  const canEdit = item.permissions.edit;
  const packet = records?.packet ?? [];

  return (
    <Panel headingId="record-packet-heading" title={t('records.packetHeading')} intro={t('records.packetIntro')} gap="md">
      {!records && fetching ? <Loading /> : null}
      {!records && error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      {records && !packet.length ? <Text>{t('records.packetEmpty')}</Text> : null}
      {packet.length ? (
        <Stack component="ul" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {packet.map((p) => (
            <li key={p.id}>
              <PacketItemCard item={p} canEdit={canEdit} staff={staff} timeZone={viewer.organization.timeZone} reload={reload} />
            </li>
          ))}
        </Stack>
      ) : null}
      {added && !adding ? (
        <Text role="status" c="teal.9" size="sm">
          {t('records.itemAdded', { kind: t(`enums.packetKind.${added}`) })}
        </Text>
      ) : null}
      {canEdit && records ? (
        adding ? (
          <Paper p="sm" radius="md" bg="gray.0">
            <AddPacketItemForm
              caseId={item.id}
              staff={staff}
              onDone={(kind) => {
                setAdding(false);
                setAdded(kind);
              }}
            />
          </Paper>
        ) : (
          <Group>
            <Button
              variant="outline"
              onClick={() => {
                setAdded(null);
                setAdding(true);
              }}
            >
              + {t('records.addItem')}
            </Button>
          </Group>
        )
      ) : null}
    </Panel>
  );
}
