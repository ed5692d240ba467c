import { startTransition } from 'react';
import type { Exchange } from 'urql';
import { make, onEnd, pipe, subscribe } from 'wonka';

/**
 * Query answers reach React inside a transition. An answer pushed from the network is otherwise
 * an ordinary update, which React renders in one go: a case page's panels, each drawn when its
 * query answers, blocked a mid-range phone's main thread for up to a second at a time. In a
 * transition React renders in slices and yields between them, so taps and typing are answered
 * while the answer is drawn. Mutations and subscriptions are passed on as they come: their
 * answers are someone's own action.
 */
export const transitionExchange: Exchange =
  ({ forward }) =>
  (operations$) => {
    const results$ = forward(operations$);
    return make((observer) => {
      const { unsubscribe } = pipe(
        results$,
        onEnd(() => observer.complete()),
        subscribe((result) => (result.operation.kind === 'query' ? startTransition(() => observer.next(result)) : observer.next(result))),
      );
      return unsubscribe;
    });
  };
