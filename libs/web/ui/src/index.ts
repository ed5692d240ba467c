// Mantine's CSS (only the components we draw: mantine.css), then our global touches over it (skip
// link, card links, internal-note marking, the case page's layout), imported here together so the
// build keeps them in this order.
import './mantine.css';
import './styles.css';
export { theme, cssVariablesResolver, badgeText } from './theme';
export * from './errors';
export * from './format';
export * from './states';
export { PublicLayout } from './public-layout';
export { AppLayout, type NavItem, type ShellUser } from './app-layout';
export { ClientResetContext, useResetClient } from './client-reset';
export { ConflictNotice, staleConflict, type ConflictField, type StaleConflict } from './conflict';
export { DraftConflict, type ConflictingDraft } from './draft-conflict';
export { useVersionedDraft, followLive, theirsFrom, onlyOthersChanged, type DraftState, type VersionedDraftOptions } from './versioned-draft';
export { clearDeviceDrafts, deviceDraft, isOwnDevice, onClearDevice, setOwnDevice, OWN_DEVICE_KEY, type DeviceDraft } from './device-drafts';
export { lazyNamed, type LazyNamed } from './lazy';
export { ActionForm } from './action-form';
export { AutoTextarea, type AutoTextareaProps } from './auto-textarea';
export { Panel, type PanelProps } from './panel';
export { useShowMore } from './show-more';
export { useProgressiveCount } from './use-progressive-count';
export { usePanelQuery } from './use-panel-query';
export { LanguageSwitch, otherLanguage } from './language-switch';
export { PreferredLanguageBadge } from './preferred-language-badge';
export { LanguageChoice, useScreenLanguage } from './language-choice';
export { ConfirmDialog, Dialog } from './dialog';
