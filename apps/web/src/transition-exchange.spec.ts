import { startTransition } from 'react';
import { Client, fetchExchange, gql } from 'urql';
import { transitionExchange } from './transition-exchange';

const Cases = gql`
  query Cases {
    cases {
      totalCount
    }
  }
`;
const Rename = gql`
  mutation Rename {
    rename
  }
`;

// React's own startTransition, recorded: whether an answer went through it is what is tested.
jest.mock('react', () => {
  const react = jest.requireActual<typeof import('react')>('react');
  return { ...react, startTransition: jest.fn((scope: () => void) => react.startTransition(scope)) };
});
const transition = jest.mocked(startTransition);

/** A client whose HTTP answers come from here, with the exchange in front as the app has it. */
function client(): Client {
  return new Client({
    url: 'http://second-look.test/graphql',
    preferGetMethod: false,
    exchanges: [transitionExchange, fetchExchange],
    fetch: async (_url, init) => {
      const { query } = JSON.parse(String(init?.body)) as { query: string };
      const data = query.includes('mutation') ? { rename: true } : { cases: { __typename: 'CaseConnection', totalCount: 3 } };
      return new Response(JSON.stringify({ data }), { status: 200, headers: { 'content-type': 'application/json' } });
    },
  });
}

describe('transitionExchange', () => {
  beforeEach(() => transition.mockClear());

  it('hands a query answer on inside a transition, and a mutation answer as it comes', async () => {
    const c = client();

    const cases = await c.query(Cases, {}).toPromise();
    expect(cases.data).toEqual({ cases: { __typename: 'CaseConnection', totalCount: 3 } });
    expect(transition).toHaveBeenCalledTimes(1);

    const renamed = await c.mutation(Rename, {}).toPromise();
    expect(renamed.data).toEqual({ rename: true });
    expect(transition).toHaveBeenCalledTimes(1);
  });

  it('passes errors on and ends with its source', async () => {
    const c = new Client({
      url: 'http://second-look.test/graphql',
      exchanges: [transitionExchange, fetchExchange],
      fetch: async () => new Response('{"errors":[{"message":"NOT_FOUND","extensions":{"code":"NOT_FOUND"}}]}', { status: 200, headers: { 'content-type': 'application/json' } }),
    });
    const result = await c.query(Cases, {}).toPromise();
    expect(result.error?.graphQLErrors[0]?.extensions['code']).toBe('NOT_FOUND');
  });
});
