// The registered claim shapes, in the order their findings are kept when two flag the same words. A new shape is a
// module in this folder (see shape.ts) added to this list, with its tests beside it.

import type { Shape } from './shape';
import { namedEvent } from './named-event';
import { title } from './title';
import { visitKind } from './visit-kind';
import { amount } from './amount';
import { firstLeader } from './first-leader';
import { ordinal } from './ordinal';
import { count } from './count';
import { since } from './since';
import { gap } from './gap';
import { previous } from './previous';
import { date } from './date';
import { place } from './place';

export const SHAPES: readonly Shape[] = [namedEvent, title, visitKind, amount, firstLeader, ordinal, count, since, gap, previous, date, place];
