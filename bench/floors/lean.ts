import { synthesizeFloor } from './floor-stack';

/** The lean floor: a bare cdktf app with our kind of stack and cdktf's validations skipped. */
synthesizeFloor(false);
