import { Global, Injectable, Module } from '@nestjs/common';

/**
 * The one source of "now" for server code, so tests (and the demo's clock control) can
 * move time instead of sleeping. Override the provider in a test module to fix it.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  /** Moves this process's clock forward (tests, demo). */
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  /** How far ahead of the wall clock this clock runs (0 in production). */
  get offset(): number {
    return this.offsetMs;
  }
  /** Sets the offset (the dev clock shared through Redis; see DevClockService). */
  setOffset(ms: number): void {
    this.offsetMs = ms;
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
