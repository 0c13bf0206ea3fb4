import { coralogixFaultMatrix } from './coralogix-matrix';
import { CLICK } from './surfaces';

coralogixFaultMatrix(CLICK);
