import type { Construct } from 'constructs';
import { CampaignSetting } from './campaign-setting';

export interface SharedDataSourceProps {
  /** The data source's label in Campaign. */
  readonly label: string;
  /** The Data Source/Alias, i.e. which Audience Manager data source it maps to. */
  readonly alias: string;
  /**
   * The AAM Destination ID Adobe provides.
   * @default - pending: Adobe has not sent it yet
   */
  readonly aamDestinationId?: string;
  /** The reconciliation criterion, e.g. `Visitor ID` or the Campaign field for a declared ID. */
  readonly reconciliation: string;
  /** Whether the data source serves the Campaign-Triggers integration. */
  readonly servesTriggers: boolean;
  /**
   * Reconciliation priority; only meaningful for Triggers (higher wins).
   * @default - none
   */
  readonly priority?: number;
  /** True for Recipient - Visitor ID, which exists out of the box and is edited, not created. */
  readonly builtIn: boolean;
}

/** A shared data source in Campaign's Administration > Application settings > Shared Data Sources. */
export class SharedDataSource extends CampaignSetting {
  constructor(scope: Construct, id: string, props: SharedDataSourceProps) {
    super(scope, id, 'shared-data-source', {
      label: props.label,
      alias: props.alias,
      aamDestinationId:
        props.aamDestinationId ?? (props.servesTriggers ? 'not required (Triggers)' : 'pending from Adobe'),
      reconciliation: props.reconciliation,
      servesTriggers: String(props.servesTriggers),
      priority: props.priority === undefined ? undefined : String(props.priority),
      action: props.builtIn ? 'edit existing' : 'create',
    });
  }
}
