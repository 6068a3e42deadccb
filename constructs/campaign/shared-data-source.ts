import type { Construct } from 'constructs';
import type { DataSourceSettings } from '../../campaign/settings';
import { DATA_SOURCE_ACTIONS, DESTINATION_ID_PLACEHOLDERS } from '../../campaign/vocabulary';
import { CampaignSetting } from './campaign-setting';

export type SharedDataSourceProps = DataSourceSettings;

/** A shared data source in Campaign's Administration > Application settings > Shared Data Sources. */
export class SharedDataSource extends CampaignSetting<'shared-data-source'> {
  constructor(scope: Construct, id: string, props: SharedDataSourceProps) {
    super(scope, id, 'shared-data-source', {
      label: props.label,
      alias: props.alias,
      aamDestinationId:
        props.aamDestinationId ??
        (props.servesTriggers ? DESTINATION_ID_PLACEHOLDERS.triggers : DESTINATION_ID_PLACEHOLDERS.pending),
      reconciliation: props.reconciliation,
      servesTriggers: String(props.servesTriggers),
      priority: props.priority === undefined ? undefined : String(props.priority),
      action: props.builtIn ? DATA_SOURCE_ACTIONS.builtIn : DATA_SOURCE_ACTIONS.created,
    });
  }
}
