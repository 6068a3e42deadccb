import { synthesizeFloor } from './floor-stack';

/** The naive floor: the same bare app with cdktf's validations on (`terraform version` per `terraform_data`). */
synthesizeFloor(true);
