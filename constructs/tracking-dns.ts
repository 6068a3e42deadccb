import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { Construct } from 'constructs';

/** How Adobe takes over the tracking subdomain (Adobe recommends delegation). */
export type TrackingServerDns =
  | { readonly method: 'cname'; readonly records: readonly { readonly hostname: string; readonly target: string }[] }
  | { readonly method: 'delegation'; readonly subdomain: string; readonly nameServers: readonly string[] };

export interface TrackingDnsProps {
  /** The Route53 hosted zone that holds the tracking subdomain. */
  readonly hostedZoneId: string;
  readonly ttl: number;
  readonly trackingServer: TrackingServerDns;
}

/**
 * DNS for Campaign's tracking server: either the CNAME records Adobe lists, or NS records that
 * delegate the whole subdomain to Adobe's name servers. Never the zone apex (the schema ensures it).
 */
export class TrackingDns extends Construct {
  readonly records: Route53Record[];

  constructor(scope: Construct, id: string, props: TrackingDnsProps) {
    super(scope, id);
    const server = props.trackingServer;
    this.records =
      server.method === 'cname'
        ? server.records.map(
            (r) =>
              new Route53Record(this, `cname-${r.hostname}`, {
                zoneId: props.hostedZoneId,
                name: r.hostname,
                type: 'CNAME',
                ttl: props.ttl,
                records: [r.target],
              }),
          )
        : [
            new Route53Record(this, `ns-${server.subdomain}`, {
              zoneId: props.hostedZoneId,
              name: server.subdomain,
              type: 'NS',
              ttl: props.ttl,
              records: [...server.nameServers],
            }),
          ];
  }
}
