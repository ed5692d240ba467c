/**
 * Test-only: renders a records part as a signed-in advocate of an organization in Chicago sees
 * it (the forms read the organization's day through useViewer). Never imported by the app.
 */
import type { ReactElement } from 'react';
import { RequireViewer, ViewerProvider } from '@second-look/web-auth';
import { renderPart, type Rendered, type Reply, type SentRequest } from '@second-look/web-ui/testing';

export const ZONE = 'America/Chicago';

const me: Reply = {
  data: {
    me: {
      id: 'user-1',
      displayName: 'Ana Advocate',
      email: 'ana@example.org',
      role: 'ADVOCATE',
      language: 'en',
      mustAddSecondStep: false,
      organization: { id: 'org-1', name: 'Harbor', timeZone: ZONE },
    },
  },
};

/** `answer` replies to every request but "who am I" (a promise holds the reply back); one it leaves unanswered fails the test. */
export function renderSignedIn(ui: ReactElement, answer: (r: SentRequest) => Reply | Promise<Reply> | undefined): Promise<Rendered> {
  return renderPart(
    <ViewerProvider>
      <RequireViewer>{ui}</RequireViewer>
    </ViewerProvider>,
    (r) => {
      if (r.operationName === 'Me') return me;
      const reply = answer(r);
      if (!reply) throw new Error(`unexpected request ${r.operationName ?? r.query}`);
      return reply;
    },
  );
}
