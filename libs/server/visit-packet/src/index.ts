export * from './visit-packet.module';
export * from './visit-packet.service';
export * from './visit-packet-pdf';
