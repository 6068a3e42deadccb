import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { Construct } from 'constructs';

/** How Adobe takes over the tracking subdomain (Adobe recommends delegation). */
export type TrackingServerDns =
  | { readonly method: 'cname'; readonly records: readonly { readonly hostname: string; readonly target: string }[] }
  | { readonly method: 'delegation'; readonly subdomain: string; readonly nameServers: readonly string[] };

export interface TrackingDnsProps {
  /** The Route53 hosted zone that holds the tracking subdomain (not created here). */
  readonly hostedZoneId: string;
  /** TTL of the records, in seconds (the schema allows 60-172800 and defaults to 300). */
  readonly ttl: number;
  /**
   * Which records to create. Host names must be below the zone's domain, never its apex; a
   * delegation's name servers must lie outside the delegated subdomain (no glue records are made).
   */
  readonly trackingServer: TrackingServerDns;
}

/**
 * DNS for Campaign's tracking server: either the CNAME records Adobe lists, or NS records that
 * delegate the whole subdomain to Adobe's name servers. Never the zone apex (the schema ensures it).
 */
export class TrackingDns extends Construct {
  readonly records: Route53Record[];
  /** The records by host name (their `name`), e.g. for adoption's import blocks. */
  readonly recordsByHostname: ReadonlyMap<string, Route53Record>;
  readonly recordType: 'CNAME' | 'NS';

  constructor(scope: Construct, id: string, props: TrackingDnsProps) {
    super(scope, id);
    const server = props.trackingServer;
    this.recordType = server.method === 'cname' ? 'CNAME' : 'NS';
    const entries: [string, Route53Record][] =
      server.method === 'cname'
        ? server.records.map((r) => [
            r.hostname,
            new Route53Record(this, `cname-${r.hostname}`, {
              zoneId: props.hostedZoneId,
              name: r.hostname,
              type: this.recordType,
              ttl: props.ttl,
              records: [r.target],
            }),
          ])
        : [
            [
              server.subdomain,
              new Route53Record(this, `ns-${server.subdomain}`, {
                zoneId: props.hostedZoneId,
                name: server.subdomain,
                type: this.recordType,
                ttl: props.ttl,
                records: [...server.nameServers],
              }),
            ],
          ];
    this.recordsByHostname = new Map(entries);
    this.records = entries.map(([, record]) => record);
  }
}
