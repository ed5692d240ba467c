export * from './search.model';
export * from './search.module';
export * from './search.service';
